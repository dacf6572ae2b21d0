import { Verdict } from '@synapse/domain';
import { Field, Int, ObjectType } from 'type-graphql';
import { Experiment } from '../experiment/experiment.entity.js';
import { VerdictCount } from '../lineage/lineage.resolver.js';
import { Organisation } from '../organisation/organisation.entity.js';

@ObjectType({ description: 'A council like yours where this experiment (or one in its family) ran, and how it went there.' })
export class SimilarCouncilTrial {
  @Field(() => Organisation)
  organisation!: Organisation;

  @Field(() => Experiment, { description: 'The family member that ran there (the latest, when several did).' })
  experiment!: Experiment;

  @Field(() => Verdict, { nullable: true, description: 'Its latest outcome\'s verdict; null before any outcome.' })
  verdict!: Verdict | null;
}

@ObjectType({ description: 'How an experiment and its family fared in the statistical neighbours of one council.' })
export class TriedInSimilarCouncils {
  @Field(() => Organisation, { description: 'The council the neighbours are of ("yours").' })
  council!: Organisation;

  @Field(() => Int, { description: 'How many of its nearest neighbours the family ran in (as lead or place).' })
  councilCount!: number;

  @Field(() => [VerdictCount], { description: 'Each of those councils counted once, by the latest verdict there; most common first.' })
  verdictCounts!: VerdictCount[];

  @Field(() => Int, { description: 'Those of the councils with no outcome yet.' })
  withoutOutcome!: number;

  @Field(() => [SimilarCouncilTrial], { description: 'The councils, nearest neighbour first.' })
  trials!: SimilarCouncilTrial[];

  @Field(() => String, { description: 'e.g. "Tried in 3 councils like Wigan: worked in 2, mixed in 1."' })
  summary!: string;
}
