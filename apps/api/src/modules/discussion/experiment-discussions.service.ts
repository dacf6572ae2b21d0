import { Cursor, type FilterObject } from '@mikro-orm/core';
import type { EntityManager } from '../../db/orm.js';
import { requestLoader } from '../../db/request-loader.js';
import { type ConnectionShape, pageCursorValues } from '../../graphql/connection.js';
import type { Member } from '../member/member.entity.js';
import { Discussion } from './discussion.entity.js';
import { visibleDiscussions } from './discussion.service.js';

/** The order of an experiment's discussions, and of the values in their cursors: most recent activity first. */
const ORDER = { lastActivityAt: 'desc', id: 'desc' } as const;

interface PageKey {
  viewer: Member | null;
  experimentId: string;
  first: number;
  after: string | null;
}

/** What the first query reads for each visible discussion: enough to count, order and page, not the discussion. */
interface Position {
  id: string;
  experimentId: string;
  at: number;
}

/**
 * A page of an experiment's visible discussions, most recent activity first: two queries for every experiment in
 * the request (a list of 50 experiments costs the same as one), each experiment paged by its own `first`/`after`.
 * Cursors are the ones `em.findByCursor` makes for the same order, so a cursor from either works with both.
 */
export function experimentDiscussions(
  em: EntityManager,
  viewer: Member | null,
  experimentId: string,
  page: { first: number; after?: string | null },
): Promise<ConnectionShape<Discussion>> {
  // Checked before batching, so a bad cursor fails only its own field.
  const after = page.after ?? null;
  if (after) pageCursorValues(after);
  return requestLoader(em, discussionPagesOf).load({ viewer, experimentId, first: page.first, after });
}

/** Newer activity first; on a tie, the larger id first (as the SQL order by `lastActivityAt desc, id desc`). */
function byOrder(a: Position, b: Position): number {
  return b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** The positions after a cursor's (its values are `[lastActivityAt, id]`, as in ORDER). */
function afterCursor(positions: Position[], after: string | null): Position[] {
  if (!after) return positions;
  const [at, id] = pageCursorValues(after) as [string, string];
  const cursor: Position = { id: String(id), experimentId: '', at: new Date(at).getTime() };
  return positions.filter((position) => byOrder(cursor, position) < 0);
}

async function discussionPagesOf(em: EntityManager, keys: readonly PageKey[]): Promise<ConnectionShape<Discussion>[]> {
  const experimentIds = [...new Set(keys.map((key) => key.experimentId))];
  // Every key of a request has the same viewer (one viewer per request). Only three columns of every visible
  // discussion, outside the identity map (the entities are read whole below, for the pages only).
  const rows = await em.find(
    Discussion,
    { $and: [visibleDiscussions(keys[0]?.viewer ?? null), { experiment: { $in: experimentIds } }] },
    { fields: ['id', 'experiment', 'lastActivityAt'], disableIdentityMap: true },
  );
  const byExperiment = new Map<string, Position[]>(experimentIds.map((id) => [id, []]));
  for (const row of rows) byExperiment.get(row.experiment!.id)!.push({ id: row.id, experimentId: row.experiment!.id, at: row.lastActivityAt.getTime() });
  for (const positions of byExperiment.values()) positions.sort(byOrder);

  const pages = keys.map((key) => {
    const all = byExperiment.get(key.experimentId)!;
    const rest = afterCursor(all, key.after);
    return { key, total: all.length, ids: rest.slice(0, key.first).map((position) => position.id), hasNextPage: rest.length > key.first };
  });
  const wanted = [...new Set(pages.flatMap((page) => page.ids))];
  // Visibility again: one hidden between the two queries is left out of its page.
  const found = wanted.length > 0 ? await em.find(Discussion, { $and: [visibleDiscussions(keys[0]!.viewer), { id: { $in: wanted } }] }) : [];
  const byId = new Map(found.map((discussion) => [discussion.id, discussion]));
  const meta = em.getMetadata().get(Discussion);
  return pages.map(({ key, total, ids, hasNextPage }) => {
    const nodes = ids.flatMap((id) => byId.get(id) ?? []);
    const edges = nodes.map((node) => ({ cursor: Cursor.for<Discussion>(meta, node as FilterObject<Discussion>, ORDER), node }));
    return {
      edges,
      nodes,
      pageInfo: {
        hasNextPage,
        hasPreviousPage: key.after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      totalCount: total,
    };
  });
}
