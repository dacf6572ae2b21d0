import DataLoader from 'dataloader';
import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { EntityManager } from '../../db/orm.js';
import { PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Discussion } from './discussion.entity.js';
import { DiscussionConnection } from './discussion.resolver.js';
import { listDiscussions, visibleDiscussions } from './discussion.service.js';

// One loader per request: each request has its own forked EntityManager, so it keys the cache.
const countLoaders = new WeakMap<EntityManager, DataLoader<string, number>>();

/** Counts visible discussions for a page of experiments (search hits) in one query. */
function discussionCounts(em: EntityManager): DataLoader<string, number> {
  let loader = countLoaders.get(em);
  if (!loader) {
    loader = new DataLoader<string, number>(async (ids) => {
      const rows = await em.find(Discussion, { $and: [{ experiment: { $in: [...ids] } }, { hiddenAt: null }] }, { fields: ['experiment'] });
      const counts = new Map<string, number>();
      for (const row of rows) counts.set(row.experiment!.id, (counts.get(row.experiment!.id) ?? 0) + 1);
      return ids.map((id) => counts.get(id) ?? 0);
    });
    countLoaders.set(em, loader);
  }
  return loader;
}

@Resolver(() => Experiment)
export class ExperimentDiscussionsResolver {
  @FieldResolver(() => DiscussionConnection, { description: 'Questions and discussions about this experiment, most recent activity first.' })
  discussions(@Root() experiment: Experiment, @Ctx() { em, viewer }: Context, @Args(() => PageArgs) page: PageArgs) {
    return listDiscussions(em, viewer, { experimentId: experiment.id }, page);
  }

  @FieldResolver(() => Int, { description: 'How many discussions it has (not counting hidden ones).' })
  discussionCount(@Root() experiment: Experiment, @Ctx() { em }: Context): Promise<number> {
    return discussionCounts(em).load(experiment.id);
  }

  @FieldResolver(() => [Discussion], { description: 'Discussions where a post cites this experiment as evidence, most recent first (at most 20).' })
  citedIn(@Root() experiment: Experiment, @Ctx() { em, viewer }: Context): Promise<Discussion[]> {
    return em.find(
      Discussion,
      { $and: [visibleDiscussions(viewer), { allPosts: { citations: experiment.id, hiddenAt: null, deletedAt: null } }] },
      { orderBy: { lastActivityAt: 'desc' }, limit: 20 },
    );
  }
}
