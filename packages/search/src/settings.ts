import type { Settings } from 'meilisearch';
import { engineSynonyms } from './vocabulary.js';

/** The attributes that can be filtered on, and so also have facet counts. */
export const FACETS = [
  'serviceAreas',
  'stage',
  'verdicts',
  'maxEvidenceLevel',
  'nation',
  'region',
  'organisationType',
  'ruralUrbanClass',
  'deprivationQuintile',
  'populationBand',
  'costBand',
  'artefactTypes',
  'years',
  'themes',
] as const;
export type Facet = (typeof FACETS)[number];

/** The searchable fields: the text normalised as queries are (stems), in order of importance (title first, names last). */
export const NORMAL_SEARCH_ON = ['stems.title', 'stems.themes', 'stems.summary', 'stems.outcomes', 'stems.body', 'stems.lessons', 'stems.documents', 'stems.names'];

/**
 * Index settings, chosen deliberately (see docs/ARCHITECTURE.md, "Search"). Applied on every start and
 * before every reindex, so the code is the only place they are changed.
 */
export function experimentIndexSettings(): Settings {
  return {
    // Only the stemmed copies of the text are searched (see NORMAL_SEARCH_ON); the text as written is stored, for
    // display and highlighting, but not indexed for search a second time.
    searchableAttributes: NORMAL_SEARCH_ON,
    filterableAttributes: [...FACETS, 'leadGssCode', 'placeGssCodes', 'evidenceLevels', 'startYear', 'familyId', 'registered', 'reviewBase', 'id'],
    sortableAttributes: ['publishedAt', 'maxEvidenceLevel', 'startYear', 'title', 'familySize'],
    // Relevance first; between equally relevant results, stronger evidence wins.
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'maxEvidenceLevel:desc'],
    displayedAttributes: ['*'],
    typoTolerance: {
      enabled: true,
      // Officers type fast, but words are matched as stems, which are short: one typo from 6 letters ("befreind"),
      // two from 10. Not fewer: "carer" is not "care", "kids" is not "kits".
      minWordSizeForTypos: { oneTypo: 6, twoTypos: 10 },
      disableOnAttributes: [],
      disableOnWords: [],
      disableOnNumbers: true,
    },
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: 1000 },
    synonyms: engineSynonyms(),
    proximityPrecision: 'byWord',
    // Nothing searches within facet values (searchForFacetValues); building that index for every filterable text
    // (ids, codes, themes) made a one-document update at 100,000 about four times slower (32 → 8 ms, measured).
    facetSearch: false,
  };
}

export const EXPERIMENT_INDEX = 'experiments';
