import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { DiscussionFilter } from './discussion.inputs.js';
import { DiscussionSearchArgs } from './discussion-search.inputs.js';
import { DiscussionSearchResult } from './discussion-search.types.js';
import { searchDiscussions } from './discussion-search.service.js';

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
