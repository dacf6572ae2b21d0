import { Client, fetchExchange } from 'urql';
import { cacheExchange } from '@urql/exchange-graphcache';

/**
 * One normalised cache for the whole client. Records with an `id` are shared between pages (an experiment
 * read on the search page is already known to its own page); these types have no identity of their own and
 * are stored inside their parent.
 */
const EMBEDDED = [
  'SearchResult',
  'SearchHit',
  'SearchHighlight',
  'Facet',
  'FacetValue',
  'PageInfo',
  'ExperimentConnection',
  'OrganisationConnection',
  'Measure',
  'FamilyEvidenceSummary',
];

export function createUrqlClient(): Client {
  return new Client({
    url: '/graphql',
    exchanges: [
      cacheExchange({
        keys: {
          ...Object.fromEntries(EMBEDDED.map((type) => [type, () => null])),
          ServiceArea: (area) => (area.slug as string | undefined) ?? null,
          SearchSuggestion: (suggestion) => (suggestion.slug as string | undefined) ?? null,
        },
      }),
      fetchExchange,
    ],
    // Same origin: the session cookie travels with every request.
    fetchOptions: { credentials: 'same-origin' },
    preferGetMethod: false,
  });
}
