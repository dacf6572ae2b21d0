import type { Settings } from 'meilisearch';
import { loadSynonyms } from './synonyms.js';

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

/**
 * Index settings, chosen deliberately (see docs/ARCHITECTURE.md, "Search"). Applied on every start and
 * before every reindex, so the code is the only place they are changed.
 */
export function experimentIndexSettings(): Settings {
  return {
    // In order of importance: a match in the title beats one in the lessons beats one in a partner's name.
    searchableAttributes: [
      'title',
      'themes',
      'serviceAreaNames',
      'summary',
      'outcomeTitles',
      'problem',
      'whatIsNew',
      'approach',
      'lessons',
      'measures',
      'artefactTitles',
      'documentText',
      'whoItServes',
      'leadName',
      'places',
      'partners',
    ],
    filterableAttributes: [...FACETS, 'leadGssCode', 'placeGssCodes', 'evidenceLevels', 'startYear', 'familyId'],
    sortableAttributes: ['publishedAt', 'maxEvidenceLevel', 'startYear', 'title', 'familySize'],
    // Relevance first; between equally relevant results, stronger evidence wins.
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'maxEvidenceLevel:desc'],
    displayedAttributes: ['*'],
    typoTolerance: {
      enabled: true,
      // Officers type fast: one typo from 4 letters ("homelessnes"), two from 8. Codes never tolerate typos.
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
      disableOnAttributes: [],
      disableOnWords: [],
      disableOnNumbers: true,
    },
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: 1000 },
    synonyms: loadSynonyms(),
    proximityPrecision: 'byWord',
  };
}

export const EXPERIMENT_INDEX = 'experiments';
