import { Client, type Exchange, fetchExchange, gql, makeOperation, mapExchange, type SSRData, ssrExchange } from 'urql';
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

/** The normalised cache, configured the same in the browser and on the server that renders pages. */
export function synapseCacheExchange(): Exchange {
  return cacheExchange({
    keys: CACHE_KEYS,
    updates: {
      Mutation: {
        follow: (_result, args, cache) => followChanged(cache, args.input as FollowInput, true),
        unfollow: (_result, args, cache) => followChanged(cache, args.input as FollowInput, false),
        saveSearch: (_result, _args, cache) => cache.invalidate('Query', 'mySavedSearches'),
        deleteSavedSearch: (_result, _args, cache) => cache.invalidate('Query', 'mySavedSearches'),
      },
    },
  });
}

/**
 * While the browser is still on the page the server rendered, that page's queries are answered from what the
 * server sent (and then the cache) without asking the API again: "cache-and-network" would otherwise fetch
 * every one a second time as soon as the page is taken over. A refetch the page asks for (network-only, after
 * a change) still goes to the API, and once the browser has left that address, pages refresh as usual.
 */
function serverDataFirst(serverData: SSRData): Exchange {
  const renderedHref = window.location.href;
  const rendered = new Set(Object.keys(serverData).map(Number));
  let left = false;
  return mapExchange({
    onOperation: (operation) => {
      left ||= window.location.href !== renderedHref;
      const fromServer = !left && operation.kind === 'query' && rendered.has(operation.key) && operation.context.requestPolicy === 'cache-and-network';
      return fromServer ? makeOperation(operation.kind, operation, { ...operation.context, requestPolicy: 'cache-first' }) : operation;
    },
  });
}

/**
 * The browser's client. `serverData` is what the server fetched to render the page: the first render reads
 * it instead of asking the API again, so hydration shows the same content with no second request.
 */
export function createUrqlClient(serverData: SSRData | null = null): Client {
  return new Client({
    url: '/graphql',
    exchanges: serverData
      ? [serverDataFirst(serverData), synapseCacheExchange(), ssrExchange({ isClient: true, initialState: serverData }), fetchExchange]
      : [synapseCacheExchange(), fetchExchange],
    // Same origin: the session cookie travels with every request, and its CSRF token with it.
    fetchOptions: () => ({ credentials: 'same-origin', headers: csrfHeaders() }),
    // Show what the cache has at once, then bring it up to date: pages stay fast and never stale after a change.
    requestPolicy: 'cache-and-network',
    preferGetMethod: false,
  });
}
