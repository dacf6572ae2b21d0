import type { Clock } from '../clock.js';
import type { EntityManager } from '../db/orm.js';
import type { Principal } from '../http/principal.js';
import { sameSecret } from '../modules/identity/tokens.js';
import { Member } from '../modules/member/member.entity.js';
import type { SearchIndex } from '../modules/search/search-index.js';
import type { Context, HttpControls, Services } from './context.js';

export interface RequestContextInput {
  /** A fresh fork for this request. */
  em: EntityManager;
  principal: Principal;
  /** The x-csrf-token header as sent (undefined when absent). */
  presentedCsrfToken: string | undefined;
  searchIndex: SearchIndex | null;
  services: Services;
  http: HttpControls | null;
  clock: Clock;
}

/**
 * The one way a GraphQL request's context is built, by the HTTP app and by the test harness alike: the viewer is
 * the session's member unless that member has deleted their account, and the CSRF flag is set only when the
 * session's own token came with the request.
 */
export async function buildRequestContext(input: RequestContextInput): Promise<Context> {
  const { em, principal, presentedCsrfToken } = input;
  const viewer = principal.kind === 'session' ? await em.findOne(Member, { id: principal.memberId, deletedAt: null }) : null;
  const csrfVerified = principal.kind === 'session' && !!presentedCsrfToken && sameSecret(presentedCsrfToken, principal.csrfToken);
  return { em, viewer, principal, csrfVerified, searchIndex: input.searchIndex, services: input.services, http: input.http, clock: input.clock };
}
