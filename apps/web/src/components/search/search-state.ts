import type { SearchFilter } from '../../generated/graphql.js';
import { FACETS } from '../../labels.js';
import { likeFilter } from '../CouncilsLikeMineFilter.js';
import { freshnessFilter } from './FreshnessFilters.js';

// The search page keeps its whole state in the URL (q, exact, sort, after and one parameter per filter), so results
// can be shared: these read it and write changes to it.

const NUMERIC = new Set(['deprivationQuintiles']);

export interface SearchState {
  query: string;
  /** The ticked facet values, by facet field. */
  selected: Record<string, string[]>;
  minEvidenceLevel: string | null;
  filter: SearchFilter;
  /** Where "Clear filters" goes (the same words, no filters), or null when nothing is filtered. */
  clearHref: string | null;
}

export function searchStateFrom(params: URLSearchParams): SearchState {
  const query = params.get('q') ?? '';
  const minEvidenceLevel = params.get('minEvidenceLevel');
  const selected: Record<string, string[]> = {};
  for (const field of Object.keys(FACETS)) {
    const values = params.getAll(field);
    if (values.length > 0) selected[field] = values;
  }
  const facetFilter: Record<string, unknown> = Object.fromEntries(
    Object.entries(selected).map(([field, values]) => [field, NUMERIC.has(field) ? values.map(Number) : values]),
  );
  if (minEvidenceLevel) facetFilter.minEvidenceLevel = Number(minEvidenceLevel);
  const filter = { ...facetFilter, ...likeFilter(params), ...freshnessFilter(params) } as SearchFilter;
  const filtered = Object.keys(filter).length > 0;
  return { query, selected, minEvidenceLevel, filter, clearHref: filtered ? `/search?${new URLSearchParams({ q: query })}` : null };
}

/** The search page's address with some parameters set (or removed, with null); any change but paging starts at page 1. */
export function searchHref(params: URLSearchParams, changes: Record<string, string | null>): string {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  if (!('after' in changes)) next.delete('after');
  return `/search?${next}`;
}

/** The parameters with one facet value ticked or unticked, back on page 1. */
export function toggledParams(params: URLSearchParams, field: string, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  const current = next.getAll(field);
  next.delete(field);
  for (const v of current.includes(value) ? current.filter((c) => c !== value) : [...current, value]) next.append(field, v);
  next.delete('after');
  return next;
}
