import { Client, fetchExchange, gql } from 'urql';
import { type Cache, cacheExchange } from '@urql/exchange-graphcache';
import type { FollowInput } from './generated/graphql.js';
import { CACHE_KEYS } from './cache-keys.js';
import { csrfHeaders } from './session.js';

/**
 * After a follow or unfollow: an experiment's `viewerFollows` is set in place (no page refetch), and the
 * list of follows is marked stale so whoever shows it fetches it again.
 */
function followChanged(cache: Cache, input: FollowInput, following: boolean): void {
  if (input.target === 'EXPERIMENT') {
    cache.writeFragment(gql`fragment FollowState on Experiment { id viewerFollows }`, { id: input.key, viewerFollows: following });
  }
  cache.invalidate('Query', 'myFollows');
}

export function createUrqlClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange({
        keys: CACHE_KEYS,
        updates: {
          Mutation: {
            follow: (_result, args, cache) => followChanged(cache, args.input as FollowInput, true),
            unfollow: (_result, args, cache) => followChanged(cache, args.input as FollowInput, false),
            saveSearch: (_result, _args, cache) => cache.invalidate('Query', 'mySavedSearches'),
            deleteSavedSearch: (_result, _args, cache) => cache.invalidate('Query', 'mySavedSearches'),
          },
        },
      }),
      fetchExchange,
    ],
    // Same origin: the session cookie travels with every request, and its CSRF token with it.
    fetchOptions: () => ({ credentials: 'same-origin', headers: csrfHeaders() }),
    // Show what the cache has at once, then bring it up to date: pages stay fast and never stale after a change.
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
  });
}
