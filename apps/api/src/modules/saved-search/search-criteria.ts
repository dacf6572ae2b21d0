import { createHash } from 'node:crypto';
import {
  ARTEFACT_TYPE_LABELS,
  BUDGET_BAND_LABELS,
  codeWords,
  COUNCIL_TYPE_LABELS,
  DEPRIVATION_QUINTILE_LABELS,
  NATION_LABELS,
  RURAL_URBAN_LABELS,
  SERVICE_AREAS,
  STAGE_LABELS,
  VERDICT_LABELS,
} from '@synapse/domain';
import { referenceNeighbours } from '@synapse/reference-data';
import { validateInput } from '../../validation.js';
import { SearchFilter } from '../search/search.inputs.js';

/**
 * A search's filters as stored, shown and linked: one normal form (no empty fields, values sorted and unique, fields in
 * a fixed order) so that the same search saved twice is recognised, and the same words and URL parameters everywhere.
 */
export type StoredFilter = Partial<Record<keyof SearchFilter, string[] | number[] | number | string | boolean>>;

type Kind = 'strings' | 'numbers' | 'number' | 'string' | 'boolean';

const SERVICE_AREA_NAMES = new Map<string, string>(SERVICE_AREAS.map((area) => [area.slug, area.name]));
const councilName = (code: string) => referenceNeighbours().byCode.get(code)?.name ?? code;
const from = (labels: Record<string, string>) => (value: string) => labels[value] ?? codeWords(value);

/** Every SearchFilter field, in the order they are shown: its words and how its values read. */
const FIELDS: { field: keyof SearchFilter; label: string; kind: Kind; words: (value: string) => string }[] = [
  { field: 'serviceAreas', label: 'Service area', kind: 'strings', words: (slug) => SERVICE_AREA_NAMES.get(slug) ?? slug },
  { field: 'stages', label: 'Stage', kind: 'strings', words: from(STAGE_LABELS) },
  { field: 'verdicts', label: 'Verdict', kind: 'strings', words: from(VERDICT_LABELS) },
  { field: 'minEvidenceLevel', label: 'Evidence', kind: 'number', words: (level) => `level ${level} or stronger` },
  { field: 'organisations', label: 'Led by or run in', kind: 'strings', words: councilName },
  { field: 'similarToCouncil', label: 'Councils like', kind: 'string', words: councilName },
  { field: 'similarCount', label: 'Number of similar councils', kind: 'number', words: (count) => count },
  { field: 'nations', label: 'Nation', kind: 'strings', words: from(NATION_LABELS) },
  { field: 'regions', label: 'Region', kind: 'strings', words: (region) => region },
  { field: 'organisationTypes', label: 'Type of council', kind: 'strings', words: from(COUNCIL_TYPE_LABELS) },
  { field: 'ruralUrbanClasses', label: 'Rural or urban', kind: 'strings', words: from(RURAL_URBAN_LABELS) },
  { field: 'deprivationQuintiles', label: 'Deprivation', kind: 'numbers', words: (q) => DEPRIVATION_QUINTILE_LABELS[Number(q)] ?? q },
  { field: 'populationBands', label: 'Population', kind: 'strings', words: codeWords },
  { field: 'costBands', label: 'Cost', kind: 'strings', words: from(BUDGET_BAND_LABELS) },
  { field: 'artefactTypes', label: 'Reusable artefacts', kind: 'strings', words: from(ARTEFACT_TYPE_LABELS) },
  { field: 'years', label: 'Ran in', kind: 'numbers', words: (year) => year },
  { field: 'themes', label: 'Theme', kind: 'strings', words: (theme) => theme },
  { field: 'registered', label: 'Measures registered before results', kind: 'boolean', words: (yes) => (yes === 'true' ? 'Yes' : 'No') },
  { field: 'excludeOverdueReview', label: 'Overdue for review', kind: 'boolean', words: (yes) => (yes === 'true' ? 'Left out' : 'Included') },
];

/** The search page's URL parameter for a field, where it differs from the field's name. */
const PARAM: Partial<Record<keyof SearchFilter, string>> = { similarToCouncil: 'like' };

/** The query as it is searched and compared: spaces collapsed, at most 200 characters (as search.service.ts reads it). */
export function normaliseQuery(query: string): string {
  return query.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/** A validated filter in its normal form (see StoredFilter). */
export function normaliseFilter(filter: SearchFilter | StoredFilter | null | undefined): StoredFilter {
  const stored: StoredFilter = {};
  for (const { field, kind } of FIELDS) {
    const value = (filter as Record<string, unknown> | null | undefined)?.[field];
    if (value === null || value === undefined) continue;
    if (kind === 'strings') {
      const values = [...new Set((value as string[]).map((v) => v.trim()).filter(Boolean))].sort();
      if (values.length) stored[field] = values;
    } else if (kind === 'numbers') {
      const values = [...new Set(value as number[])].sort((a, b) => a - b);
      if (values.length) stored[field] = values;
    } else if (kind === 'string') {
      if (String(value).trim()) stored[field] = String(value).trim();
    } else stored[field] = value as number | boolean;
  }
  return stored;
}

/** What identifies a saved search for its owner: the query (case does not matter to search) and the normal filter. */
export function searchFingerprint(query: string, filter: StoredFilter): string {
  return createHash('sha256').update(JSON.stringify([normaliseQuery(query).toLowerCase(), filter])).digest('hex');
}

export interface Criterion {
  field: string;
  label: string;
  values: string[];
  valueLabels: string[];
}

/** The filters in words, field by field. */
export function criteriaOf(filter: StoredFilter): Criterion[] {
  return FIELDS.filter(({ field }) => filter[field] !== undefined).map(({ field, label, words }) => {
    const raw = filter[field];
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    return { field, label, values, valueLabels: values.map(words) };
  });
}

/** Fields whose values say what they are on their own ("Adult social care", "Worked"). */
const SELF_EXPLANATORY = new Set<string>(['serviceAreas', 'stages', 'verdicts', 'nations', 'regions', 'organisationTypes', 'costBands', 'themes']);

/** A name for a search nobody named: its words, then its filters ("“lonely” · Adult social care · Worked or Mixed"). */
export function describeSearch(query: string, filter: StoredFilter): string {
  const words = normaliseQuery(query);
  const filters = criteriaOf(filter).map((c) => (SELF_EXPLANATORY.has(c.field) ? c.valueLabels.join(' or ') : `${c.label}: ${c.valueLabels.join(', ')}`));
  const name = [words ? `“${words}”` : 'All experiments', ...filters].join(' · ');
  return name.length > 200 ? `${name.slice(0, 199)}…` : name;
}

/** The search page's URL parameters for a search (the feed takes the same ones). */
export function searchParamsOf(query: string, filter: StoredFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (normaliseQuery(query)) params.set('q', normaliseQuery(query));
  for (const { field } of FIELDS) {
    const value = filter[field];
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(PARAM[field] ?? field, String(item));
  }
  return params;
}

function parsed(kind: Kind, first: string, values: string[]): unknown {
  const number = (value: string) => (/^-?\d{1,6}$/.test(value) ? Number(value) : value);
  if (kind === 'strings') return values;
  if (kind === 'numbers') return values.map(number);
  if (kind === 'number') return number(first);
  if (kind === 'boolean') return first === 'true' ? true : first === 'false' ? false : first;
  return first;
}

/** A filter from URL parameters (as searchParamsOf writes them), validated as the GraphQL argument is: BadInputError otherwise. */
export async function filterFromParams(params: URLSearchParams): Promise<SearchFilter> {
  const filter = new SearchFilter();
  for (const { field, kind } of FIELDS) {
    const values = params.getAll(PARAM[field] ?? field);
    const [first] = values;
    if (first !== undefined) Object.assign(filter, { [field]: parsed(kind, first, values) });
  }
  await validateInput(filter, 'filter');
  return filter;
}
