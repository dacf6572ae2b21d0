import type { Clock } from '../clock.js';
import type { AppConfig } from '../config.js';
import type { EntityManager } from '../db/orm.js';
import type { Principal } from '../http/principal.js';
import type { Mailer } from '../modules/identity/mailer.js';
import type { Member } from '../modules/member/member.entity.js';
import type { SearchIndex } from '../modules/search/search-index.js';

/** What resolvers may use besides the database: configuration and outgoing mail. */
export interface Services {
  config: AppConfig;
  mailer: Mailer;
}

/** Cookie handling for the HTTP request, when there is one (tests calling the schema directly have none). */
export interface HttpControls {
  setSessionCookie(token: string, expires: Date): void;
  clearSessionCookie(): void;
  userAgent: string | null;
}

/** Per-request context. */
export interface Context {
  em: EntityManager;
  /** The signed-in member; null when anonymous or acting with an API key. */
  viewer: Member | null;
  principal: Principal;
  /** A cookie-authenticated request that carried its session's CSRF token (x-csrf-token). */
  csrfVerified: boolean;
  /** Null when no search engine is configured: search then answers from the database. */
  searchIndex: SearchIndex | null;
  services: Services;
  http: HttpControls | null;
  /** Where "now" comes from (tests pass a clock they can move). */
  clock: Clock;
}
