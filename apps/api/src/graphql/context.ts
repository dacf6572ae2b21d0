import type { EntityManager } from '../db/orm.js';
import type { Member } from '../modules/member/member.entity.js';

/** Per-request context: a fresh EntityManager fork and the acting member (null when anonymous). */
export interface Context {
  em: EntityManager;
  viewer: Member | null;
}
