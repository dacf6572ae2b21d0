import { BUDGET_BAND_LABELS, ARTEFACT_TYPE_LABELS, codeWords, STAGE_LABELS, VERDICT_LABELS } from './labels.js';
import { COUNCIL_TYPE_LABELS, DEPRIVATION_QUINTILE_LABELS, NATION_LABELS, RURAL_URBAN_LABELS } from './place-labels.js';
import { REGISTERED_BADGE_LABEL } from './freshness-labels.js';
import { SERVICE_AREAS } from './service-areas.js';

// The search filters in words: the search page's facet headings and chips, a saved search's name and criteria, and
// its email all read these, so a filter is called the same everywhere.

/** Each search filter field's heading, in the order filters are shown. */
export const SEARCH_FILTER_LABELS = {
  serviceAreas: 'Service area',
  stages: 'Stage',
  verdicts: 'Verdict',
  minEvidenceLevel: 'Evidence',
  organisations: 'Led by or run in',
  similarToCouncil: 'Councils like',
  similarCount: 'Number of similar councils',
  nations: 'Nation',
  regions: 'Region',
  organisationTypes: 'Type of council',
  ruralUrbanClasses: 'Rural or urban',
  deprivationQuintiles: 'Deprivation',
  populationBands: 'Population',
  costBands: 'Cost',
  artefactTypes: 'Reusable artefacts',
  years: 'Ran in',
  themes: 'Theme',
  registered: REGISTERED_BADGE_LABEL,
  excludeOverdueReview: 'Overdue for review',
} as const;

export type SearchFilterField = keyof typeof SEARCH_FILTER_LABELS;

const SERVICE_AREA_NAMES = new Map<string, string>(SERVICE_AREAS.map((area) => [area.slug, area.name]));
const from = (labels: Record<string, string>) => (value: string) => labels[value] ?? codeWords(value);
const asIs = (value: string) => value;

const VALUE_WORDS: Partial<Record<SearchFilterField, (value: string) => string>> = {
  serviceAreas: (slug) => SERVICE_AREA_NAMES.get(slug) ?? slug,
  stages: from(STAGE_LABELS),
  verdicts: from(VERDICT_LABELS),
  minEvidenceLevel: (level) => `level ${level} or stronger`,
  similarCount: asIs,
  nations: from(NATION_LABELS),
  regions: asIs,
  organisationTypes: from(COUNCIL_TYPE_LABELS),
  ruralUrbanClasses: from(RURAL_URBAN_LABELS),
  deprivationQuintiles: (quintile) => DEPRIVATION_QUINTILE_LABELS[Number(quintile)] ?? quintile,
  costBands: from(BUDGET_BAND_LABELS),
  artefactTypes: from(ARTEFACT_TYPE_LABELS),
  years: asIs,
  themes: asIs,
  registered: (yes) => (yes === 'true' ? 'Yes' : 'No'),
  excludeOverdueReview: (yes) => (yes === 'true' ? 'Left out' : 'Included'),
};

/**
 * One value of a search filter (or facet) in words: "MIXED" → "Mixed results", "adult-social-care" → "Adult social
 * care". Council codes (organisations, similarToCouncil) need the reference data, so callers name those themselves.
 */
export function filterValueLabel(field: string, value: string): string {
  const words = VALUE_WORDS[field as SearchFilterField];
  return words ? words(value) : codeWords(value);
}
