import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context.js';

export const PUBLIC_MAX_AGE_SECONDS = 60;

/**
 * Anonymous and API-key reads are the same for everyone, so shared caches (a CDN in front of Synapse) may keep
 * them briefly; Express adds the ETag and answers 304 to a matching If-None-Match. Anything personal, any
 * mutation and any error is never cached.
 */
export const httpCachingPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, operation, contextValue, errors }) {
        const cacheable =
          operation?.operation === 'query' &&
          contextValue.principal.kind !== 'session' &&
          !errors?.length &&
          response.body.kind === 'single' &&
          !response.body.singleResult.errors?.length;
        response.http.headers.set(
          'cache-control',
          cacheable ? `public, max-age=${PUBLIC_MAX_AGE_SECONDS}, stale-while-revalidate=${PUBLIC_MAX_AGE_SECONDS * 5}` : 'private, no-store',
        );
        if (cacheable) response.http.headers.set('vary', 'authorization, cookie');
      },
    };
  },
};
