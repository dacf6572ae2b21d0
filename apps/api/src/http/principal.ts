/** Who a request acts as, decided once per request before rate limiting and GraphQL. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'session'; sessionId: string; memberId: string; csrfToken: string }
  | { kind: 'apiKey'; apiKeyId: string; organisationId: string };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}
