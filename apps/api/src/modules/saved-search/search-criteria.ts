import { createHash } from 'node:crypto';
import { filterValueLabel, SEARCH_FILTER_LABELS } from '@synapse/domain';
import { referenceNeighbours } from '@synapse/reference-data';
import { validateInput } from '../../validation.js';
import { SearchFilter } from '../search/search.inputs.js';

/**
 * A search's filters as stored, shown and linked: one normal form (no empty fields, values sorted and unique, fields in
 * a fixed order) so that the same search saved twice is recognised, and the same words and URL parameters everywhere.
 */
export type StoredFilter = Partial<Record<keyof SearchFilter, string[] | number[] | number | string | boolean>>;

type Kind = 'strings' | 'numbers' | 'number' | 'string' | 'boolean';

const councilName = (code: string) => referenceNeighbours().byCode.get(code)?.name ?? code;

/** How each SearchFilter field's values are stored, in the order they are shown (every field must be here and have words). */
const KINDS: Record<keyof SearchFilter, Kind> = {
  serviceAreas: 'strings',
  stages: 'strings',
  verdicts: 'strings',
  minEvidenceLevel: 'number',
  organisations: 'strings',
  similarToCouncil: 'string',
  similarCount: 'number',
  nations: 'strings',
  regions: 'strings',
  organisationTypes: 'strings',
  ruralUrbanClasses: 'strings',
  deprivationQuintiles: 'numbers',
  populationBands: 'strings',
  costBands: 'strings',
  artefactTypes: 'strings',
  years: 'numbers',
  themes: 'strings',
  registered: 'boolean',
  excludeOverdueReview: 'boolean',
};

/** Every SearchFilter field, in the order they are shown: its words (from @synapse/domain) and how its values read. */
const FIELDS: { field: keyof SearchFilter; label: string; kind: Kind; words: (value: string) => string }[] = (Object.keys(KINDS) as (keyof SearchFilter)[]).map((field) => ({
  field,
  label: SEARCH_FILTER_LABELS[field],
  kind: KINDS[field],
  words: field === 'organisations' || field === 'similarToCouncil' ? councilName : (value: string) => filterValueLabel(field, value),
}));

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

function parsed(kind: Kind, values: string[]): unknown {
  const number = (value: string) => (/^-?\d{1,6}$/.test(value) ? Number(value) : value);
  if (kind === 'strings') return values;
  if (kind === 'numbers') return values.map(number);
  if (kind === 'number') return number(values[0]);
  if (kind === 'boolean') return values[0] === 'true' ? true : values[0] === 'false' ? false : values[0];
  return values[0];
}

/** A filter from URL parameters (as searchParamsOf writes them), validated as the GraphQL argument is: BadInputError otherwise. */
export async function filterFromParams(params: URLSearchParams): Promise<SearchFilter> {
  const filter = new SearchFilter();
  for (const { field, kind } of FIELDS) {
    const values = params.getAll(PARAM[field] ?? field);
    if (values.length) Object.assign(filter, { [field]: parsed(kind, values) });
  }
  await validateInput(filter, 'filter');
  return filter;
}
