import { Arg, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Experiment } from '../experiment/experiment.entity.js';
import type { ExperimentRowRoot } from '../experiment/experiment-row.js';
import { Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Interest } from './interest.entity.js';
import { SetInterestInput } from './interest.inputs.js';
import { interestCounts, interestEntries, setInterest, viewerInterest } from './interest.service.js';

@ObjectType({ description: 'How many organisations are considering, planning or trying an experiment; who, for its team.' })
export class ExperimentInterest {
  @Field(() => Int, { description: 'Organisations interested at any level.' })
  total!: number;

  @Field(() => Int)
  considering!: number;

  @Field(() => Int)
  planning!: number;

  @Field(() => Int)
  trying!: number;

  /** Set by the resolver: the experiment (an entity, or a search hit's row: experiment-row.ts), for the nested fields. */
  experiment!: Experiment | ExperimentRowRoot;
}

@Resolver(() => ExperimentInterest)
export class InterestResolver {
  @Mutation(() => Experiment, { description: "Records your organisation's interest in someone else's published experiment (level null removes it)." })
  setInterest(@Ctx() { em, viewer }: Context, @Arg('input', () => SetInterestInput) input: SetInterestInput): Promise<Experiment> {
    return setInterest(em, viewer, input);
  }

  @FieldResolver(() => [Interest], { nullable: true, description: "Who is interested, with their notes, newest first: for the experiment's team (null for others)." })
  entries(@Root() summary: ExperimentInterest, @Ctx() { em, viewer }: Context): Promise<Interest[] | null> {
    return interestEntries(em, viewer, summary.experiment);
  }

  @FieldResolver(() => Interest, { nullable: true, description: "Your organisation's interest, if it recorded one." })
  mine(@Root() summary: ExperimentInterest, @Ctx() { em, viewer }: Context): Promise<Interest | null> {
    return viewerInterest(em, viewer, summary.experiment.id);
  }
}

@Resolver(() => Interest)
export class InterestEntryResolver {
  @FieldResolver(() => Organisation)
  async organisation(@Root() interest: Interest): Promise<Organisation> {
    return interest.organisation.loadOrFail();
  }

  @FieldResolver(() => Member, { description: 'Who recorded it, for the team to contact.' })
  async member(@Root() interest: Interest): Promise<Member> {
    return interest.member.loadOrFail();
  }
}

@Resolver(() => Experiment)
export class ExperimentInterestResolver {
  @FieldResolver(() => ExperimentInterest, { description: 'Interest from other organisations: "4 councils are considering this".' })
  async interest(@Root() experiment: Experiment | ExperimentRowRoot, @Ctx() { em }: Context): Promise<ExperimentInterest> {
    return { ...(await interestCounts(em).load(experiment.id)), experiment };
  }
}
