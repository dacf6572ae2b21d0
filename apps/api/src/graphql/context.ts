import type { EntityManager } from '../db/orm.js';
import type { Member } from '../modules/member/member.entity.js';
import type { SearchIndex } from '../modules/search/search-index.js';

/** Per-request context: a fresh EntityManager fork, the acting member (null when anonymous) and the search index. */
export interface Context {
  em: EntityManager;
  viewer: Member | null;
  /** Null when no search engine is configured: search then answers from the database. */
  searchIndex: SearchIndex | null;
}
