import { type FilterQuery, raw } from '@mikro-orm/core';
import { POPULATION_BANDS } from '@synapse/search';
import { similarCondition, type SimilarFilter } from '../similar-council/similar-council.service.js';
import type { SearchFilter } from '../search/search.inputs.js';
import type { Experiment } from './experiment.entity.js';

/**
 * The one mapping from a filter to database conditions, used by the experiments list (ExperimentFilter) and by
 * search when it answers from the database (SearchFilter, search-fallback.ts). Values within a field are ORed,
 * fields are ANDed. (Meilisearch reads the same filter from its own document fields: search.service.ts.)
 */
export function experimentFilterConditions(filter: (Partial<SearchFilter> & SimilarFilter) | null | undefined, postgres: boolean): FilterQuery<Experiment>[] {
  if (!filter) return [];
  const conditions: FilterQuery<Experiment>[] = [];
  if (filter.serviceAreas?.length) conditions.push({ serviceAreas: { slug: { $in: filter.serviceAreas } } });
  if (filter.stages?.length) conditions.push({ stage: { $in: filter.stages } });
  if (filter.verdicts?.length) conditions.push({ outcomes: { verdict: { $in: filter.verdicts } } });
  if (filter.minEvidenceLevel) conditions.push({ outcomes: { evidenceLevel: { $gte: filter.minEvidenceLevel } } });
  if (filter.organisations?.length) {
    conditions.push({ $or: [{ leadOrganisation: { gssCode: { $in: filter.organisations } } }, { places: { gssCode: { $in: filter.organisations } } }] });
  }
  if (filter.regions?.length) conditions.push({ leadOrganisation: { region: { $in: filter.regions } } });
  if (filter.nations?.length) conditions.push({ leadOrganisation: { nation: { $in: filter.nations } } });
  if (filter.organisationTypes?.length) conditions.push({ leadOrganisation: { councilType: { $in: filter.organisationTypes } } });
  if (filter.ruralUrbanClasses?.length) conditions.push({ leadOrganisation: { ruralUrbanClass: { $in: filter.ruralUrbanClasses } } });
  if (filter.deprivationQuintiles?.length) conditions.push({ leadOrganisation: { deprivationQuintile: { $in: filter.deprivationQuintiles } } });
  if (filter.populationBands?.length) conditions.push(populationCondition(filter.populationBands));
  if (filter.costBands?.length) conditions.push({ budgetBand: { $in: filter.costBands } });
  if (filter.artefactTypes?.length) conditions.push({ artefacts: { type: { $in: filter.artefactTypes } } });
  if (filter.years?.length) conditions.push(ranInCondition(filter.years));
  if (filter.themes?.length) conditions.push(themesCondition(filter.themes, postgres));
  const similar = similarCondition(filter);
  if (similar) conditions.push(similar);
  return conditions;
}

/** The lead council's population in any of these bands (POPULATION_BANDS, as the search document has it). */
function populationCondition(bands: string[]): FilterQuery<Experiment> {
  const ranges: FilterQuery<Experiment>[] = [];
  let lower = 0;
  for (const { band, below } of POPULATION_BANDS) {
    if (bands.includes(band)) ranges.push({ leadOrganisation: { population: Number.isFinite(below) ? { $gte: lower, $lt: below } : { $gte: lower } } });
    lower = below;
  }
  return ranges.length ? { $or: ranges } : { id: { $in: [] } };
}

/** "Ran in year Y", as the search document's `years` has it: from the start year to the end year, or to publication. */
function ranInCondition(years: number[]): FilterQuery<Experiment> {
  return {
    startDate: { $ne: null },
    $or: years.map((year) => ({
      startDate: { $lt: `${year + 1}-01-01` },
      $or: [{ startDate: { $gte: `${year}-01-01` } }, { endDate: { $gte: `${year}-01-01` } }, { endDate: null, publishedAt: { $gte: new Date(Date.UTC(year, 0, 1)) } }],
    })),
  };
}

/** Any of these themes among the experiment's (a JSON array: each dialect has its own way to read one). */
function themesCondition(themes: string[], postgres: boolean): FilterQuery<Experiment> {
  const marks = themes.map(() => '?').join(', ');
  const elements = (alias: string) => (postgres ? `jsonb_array_elements_text(${alias}.themes) as t(value)` : `json_each(${alias}.themes) as t`);
  return { [raw((alias: string) => `exists (select 1 from ${elements(alias)} where t.value in (${marks}))`, themes)]: [] } as FilterQuery<Experiment>;
}
