import { Max, Min } from 'class-validator';
import { Arg, Args, ArgsType, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Discussion } from './discussion.entity.js';
import { DiscussionFilter } from './discussion.inputs.js';
import { searchDiscussions } from './discussion-search.service.js';

@ObjectType({ description: 'Discussions that match a search, best first.' })
export class DiscussionSearchResult {
  @Field(() => [Discussion])
  hits!: Discussion[];

  @Field(() => Int)
  estimatedTotal!: number;

  @Field(() => Boolean, { description: 'True when the search engine was unreachable and this answer came from matching titles in the database.' })
  degraded!: boolean;
}

@ArgsType()
export class DiscussionSearchArgs {
  @Field(() => String, { defaultValue: '', description: 'Words to look for; empty lists everything.' })
  query: string = '';

  @Field(() => Int, { defaultValue: 20, description: 'At most 50.' })
  @Min(1)
  @Max(50)
  first: number = 20;

  @Field(() => Int, { defaultValue: 0, description: 'How many hits to skip (at most 1000).' })
  @Min(0)
  @Max(1000)
  offset: number = 0;
}

@Resolver()
export class DiscussionSearchResolver {
  @Query(() => DiscussionSearchResult, { description: 'Full-text search over public discussions: "has anyone asked about…?"' })
  searchDiscussions(
    @Ctx() { em, searchIndex, viewer }: Context,
    @Args(() => DiscussionSearchArgs) args: DiscussionSearchArgs,
    @Arg('filter', () => DiscussionFilter, { nullable: true }) filter: DiscussionFilter | null,
  ): Promise<DiscussionSearchResult> {
    return searchDiscussions(em, searchIndex, viewer, { ...args, filter });
  }
}
