import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { Experiment } from '../experiment/experiment.entity.js';
import type { ExperimentRowRoot } from '../experiment/experiment-row.js';
import { Discussion } from './discussion.entity.js';
import { DiscussionConnection } from './discussion.resolver.js';
import { discussionCount, discussionsCiting } from './discussion.service.js';
import { experimentDiscussions } from './experiment-discussions.service.js';

@Resolver(() => Experiment)
export class ExperimentDiscussionsResolver {
  @FieldResolver(() => DiscussionConnection, { description: 'Questions and discussions about this experiment, most recent activity first.' })
  discussions(@Root() experiment: Experiment, @Ctx() { em, viewer }: Context, @Args(() => PageArgs) page: PageArgs) {
    return experimentDiscussions(em, viewer, experiment.id, page);
  }

  @FieldResolver(() => Int, { description: 'How many discussions it has (not counting hidden ones).' })
  discussionCount(@Root() experiment: Experiment | ExperimentRowRoot, @Ctx() { em }: Context): Promise<number> {
    return discussionCount(em, experiment.id);
  }

  @FieldResolver(() => [Discussion], { description: 'Discussions where a post cites this experiment as evidence, most recent first (at most 20).' })
  citedIn(@Root() experiment: Experiment, @Ctx() { em, viewer }: Context): Promise<Discussion[]> {
    return discussionsCiting(em, viewer, experiment.id);
  }
}
