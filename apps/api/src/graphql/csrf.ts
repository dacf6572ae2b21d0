import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode, graphqlError } from '../errors.js';
import type { Context } from './context.js';

/** Mutations that make sense without a session, so without its CSRF token. */
const OPEN_MUTATIONS = new Set(['requestSignIn', 'completeSignIn']);

/**
 * Cookie-authenticated mutations must carry the session's CSRF token in x-csrf-token (the client reads it
 * from `currentSession`, which another site cannot). API keys and anonymous requests carry no ambient
 * credentials, so they need none. Apollo's own csrfPrevention additionally blocks "simple" cross-site requests.
 */
export const csrfPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, contextValue }) {
        const { principal } = contextValue;
        if (operation?.operation === 'mutation' && principal.kind === 'anonymous' && principal.expiredSession) {
          // Say so, rather than FORBIDDEN: the person is allowed, they need to sign in again (the web client keeps the form).
          const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : ['?']));
          if (!fields.every((name) => OPEN_MUTATIONS.has(name))) {
            throw graphqlError(ErrorCode.UNAUTHENTICATED, 'Your session has ended. Sign in again, then send this again.', { reason: 'sessionExpired' });
          }
        }
        if (!operation || operation.operation !== 'mutation' || contextValue.principal.kind !== 'session' || contextValue.csrfVerified) return;
        const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : ['?']));
        if (fields.every((name) => OPEN_MUTATIONS.has(name))) return;
        throw graphqlError(ErrorCode.FORBIDDEN, 'This request is missing the CSRF token for your session (send it in the x-csrf-token header).', {
          reason: 'csrf',
        });
      },
    };
  },
};
