/** Who a request acts as, decided once per request before rate limiting and GraphQL. */
export type Principal =
  /** `expiredSession`: a session cookie came with the request but its session has ended (or was signed out). */
  | { kind: 'anonymous'; expiredSession?: boolean }
  | { kind: 'session'; sessionId: string; memberId: string; csrfToken: string }
  | { kind: 'apiKey'; apiKeyId: string; organisationId: string };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}
