import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '../../db/orm.js';
import { containsText } from '../../db/text-match.js';
import type { SearchIndex } from '../search/search-index.js';
import type { Member } from '../member/member.entity.js';
import { Discussion, TopicKind } from './discussion.entity.js';
import type { DiscussionFilter } from './discussion.inputs.js';
import { visibleDiscussions } from './discussion.service.js';
import { DiscussionIndex } from './discussion-search.js';

export interface DiscussionSearchAnswer {
  hits: Discussion[];
  estimatedTotal: number;
  degraded: boolean;
}

const quote = (value: string) => JSON.stringify(value);

function meiliFilter(filter: DiscussionFilter | null | undefined): string[] {
  const parts: string[] = [];
  if (filter?.experimentId) parts.push(`experimentId = ${quote(filter.experimentId)}`);
  if (filter?.network != null) parts.push(`network = ${filter.network}`);
  if (filter?.answered != null) parts.push(`answered = ${filter.answered}`);
  if (filter?.serviceAreas?.length) parts.push(`serviceAreas IN [${filter.serviceAreas.map(quote).join(', ')}]`);
  if (filter?.themes?.length) parts.push(`themes IN [${filter.themes.map((theme) => quote(theme.trim().toLowerCase())).join(', ')}]`);
  return parts;
}

/** The same filter as a database query, for when the search engine is away. */
function databaseFilter(em: EntityManager, query: string, filter: DiscussionFilter | null | undefined): FilterQuery<Discussion>[] {
  const conditions: FilterQuery<Discussion>[] = [];
  for (const word of query.split(/\s+/).filter((w) => w.length > 1).slice(0, 8)) conditions.push({ title: containsText(em, word) });
  if (filter?.experimentId) conditions.push({ experiment: filter.experimentId });
  if (filter?.network === true) conditions.push({ experiment: null });
  if (filter?.network === false) conditions.push({ experiment: { $ne: null } });
  if (filter?.answered === true) conditions.push({ answeredAt: { $ne: null } });
  if (filter?.answered === false) conditions.push({ answeredAt: null });
  if (filter?.serviceAreas?.length) conditions.push({ topics: { kind: TopicKind.SERVICE_AREA, key: { $in: filter.serviceAreas } } });
  if (filter?.themes?.length) conditions.push({ topics: { kind: TopicKind.THEME, key: { $in: filter.themes.map((t) => t.trim().toLowerCase()) } } });
  return conditions;
}

/**
 * Full-text search over discussions ("has anyone asked about X?"). The engine finds ids; the database then
 * keeps only those the viewer may see, so a hidden post never shows even before its index job has run.
 */
export async function searchDiscussions(
  em: EntityManager,
  searchIndex: SearchIndex | null,
  viewer: Member | null,
  args: { query: string; filter?: DiscussionFilter | null; first: number; offset: number },
): Promise<DiscussionSearchAnswer> {
  const query = args.query.trim().slice(0, 200);
  if (searchIndex) {
    try {
      const found = await new DiscussionIndex(searchIndex).search(query, meiliFilter(args.filter), args.first, args.offset);
      const ids = found.hits.map((hit) => hit.id);
      const visible = ids.length ? await em.find(Discussion, { $and: [visibleDiscussions(viewer), { hiddenAt: null }, { id: { $in: ids } }] }) : [];
      const byId = new Map(visible.map((discussion) => [discussion.id, discussion]));
      return { hits: ids.flatMap((id) => byId.get(id) ?? []), estimatedTotal: found.estimatedTotalHits ?? ids.length, degraded: false };
    } catch {
      // Fall through to the database, as experiment search does.
    }
  }
  const where = { $and: [visibleDiscussions(viewer), { hiddenAt: null }, ...databaseFilter(em, query, args.filter)] };
  const [hits, total] = await em.findAndCount(Discussion, where, { orderBy: { lastActivityAt: 'desc', id: 'desc' }, limit: args.first, offset: args.offset });
  return { hits, estimatedTotal: total, degraded: searchIndex !== null };
}
