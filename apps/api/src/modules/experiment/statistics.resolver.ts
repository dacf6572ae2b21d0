import { ExperimentStatus, OrganisationKind } from '@synapse/domain';
import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Outcome } from '../outcome/outcome.entity.js';
import { Experiment } from './experiment.entity.js';

@ObjectType({ description: 'Headline numbers for the whole network, counting published content only.' })
export class NetworkStatistics {
  @Field(() => Int)
  publishedExperiments!: number;

  @Field(() => Int, { description: 'UK councils on Synapse (demonstration organisations excluded).' })
  councils!: number;

  @Field(() => Int, { description: 'Outcomes of published experiments, whatever their verdict.' })
  outcomesPublished!: number;

  @Field(() => Int, { description: 'Published experiments adapted from another council’s.' })
  forks!: number;
}

@Resolver()
export class StatisticsResolver {
  @Query(() => NetworkStatistics, { description: 'Headline numbers: experiments, councils, outcomes and adaptations.' })
  async statistics(@Ctx() { em }: Context): Promise<NetworkStatistics> {
    const published = { status: ExperimentStatus.PUBLISHED };
    return {
      publishedExperiments: await em.count(Experiment, published),
      councils: await em.count(Organisation, { kind: OrganisationKind.COUNCIL, isDemo: false }),
      outcomesPublished: await em.count(Outcome, { experiment: published }),
      forks: await em.count(Experiment, { ...published, forkParent: { $ne: null } }),
    };
  }
}
