import {
  ARTEFACT_TYPE_LABELS,
  BUDGET_BAND_LABELS,
  codeWords,
  EVALUATION_DESIGN_LABELS,
  EVIDENCE_LEVEL_LABELS,
  filterValueLabel,
  LICENCE_LABELS,
  MEMBER_ROLE_LABELS,
  PARTNER_ROLE_LABELS,
  REGIONS_THAT_ARE_NATIONS,
  SEARCH_FILTER_LABELS,
  STAGE_LABELS,
  VERDICT_LABELS,
} from '@synapse/domain';
import type { ArtefactType, BudgetBand, EvaluationDesign, Licence, MemberRole, PartnerRole, Stage, Verdict } from './generated/graphql.js';

// The words for every enum come from @synapse/domain (one source for pages, notifications and emails); only
// presentation (tag colours) is added here.
export const VERDICTS: Record<Verdict, { label: string; tag: string }> = {
  WORKED: { label: VERDICT_LABELS.WORKED, tag: 'govuk-tag--green' },
  MIXED: { label: VERDICT_LABELS.MIXED, tag: 'govuk-tag--yellow' },
  NO_EFFECT: { label: VERDICT_LABELS.NO_EFFECT, tag: 'govuk-tag--grey' },
  INCONCLUSIVE: { label: VERDICT_LABELS.INCONCLUSIVE, tag: 'govuk-tag--grey' },
  HARMFUL: { label: VERDICT_LABELS.HARMFUL, tag: 'govuk-tag--red' },
  STOPPED_EARLY: { label: VERDICT_LABELS.STOPPED_EARLY, tag: 'govuk-tag--orange' },
};

export const STAGES: Record<Stage, string> = STAGE_LABELS;

/** Nesta Standards of Evidence, in plain English. */
export const EVIDENCE_LEVELS: Record<number, string> = EVIDENCE_LEVEL_LABELS;

/** Facet fields shown on the search page, with their headings (from @synapse/domain), in order. */
export const FACETS: Record<string, string> = Object.fromEntries(
  (['verdicts', 'serviceAreas', 'stages', 'costBands', 'artefactTypes', 'organisationTypes', 'ruralUrbanClasses', 'deprivationQuintiles', 'nations', 'regions'] as const).map(
    (field) => [field, SEARCH_FILTER_LABELS[field]],
  ),
);

/** Facet values that repeat another facet's: the regions Scotland, Wales and Northern Ireland are also nations. */
export function isDuplicateFacetValue(field: string, value: string): boolean {
  return field === 'regions' && REGIONS_THAT_ARE_NATIONS.has(value);
}

/** An enum value as words: "URBAN_WITH_RURAL_AREAS" → "Urban with rural areas". */
export const sentenceCase = codeWords;

/** A facet value in words, as saved searches and their emails name it. */
export const facetValueLabel = filterValueLabel;

/** Every value of an enum, as options for a form: value and words. */
export function optionsOf<T extends string>(labels: Record<T, string>): Array<{ value: T; label: string }> {
  return (Object.entries(labels) as Array<[T, string]>).map(([value, label]) => ({ value, label }));
}

export const EVALUATION_DESIGNS: Record<EvaluationDesign, string> = EVALUATION_DESIGN_LABELS;

export const BUDGET_BANDS: Record<BudgetBand, string> = BUDGET_BAND_LABELS;

export const PARTNER_ROLES: Record<PartnerRole, string> = PARTNER_ROLE_LABELS;

export const ARTEFACT_TYPES: Record<ArtefactType, string> = ARTEFACT_TYPE_LABELS;

export const LICENCES: Record<Licence, string> = LICENCE_LABELS;

export const ROLES: Record<MemberRole, string> = MEMBER_ROLE_LABELS;

/**
 * A date as people in the UK write it ("1 April 2025"), shown in UK time. Takes API dates ("2025-04-01") and
 * date-times alike.
 */
export function formatDate(value: string, month: 'long' | 'short' = 'long'): string {
  return new Date(value).toLocaleDateString('en-GB', { day: 'numeric', month, year: 'numeric', timeZone: 'Europe/London' });
}
