import { Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { headlineCounts } from './statistics.service.js';

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
  statistics(@Ctx() { em }: Context): Promise<NetworkStatistics> {
    return headlineCounts(em);
  }
}
