import {
  ARTEFACT_TYPE_LABELS,
  BUDGET_BAND_LABELS,
  codeWords,
  COUNCIL_TYPE_LABELS,
  DEPRIVATION_QUINTILE_LABELS,
  EVALUATION_DESIGN_LABELS,
  LICENCE_LABELS,
  NATION_LABELS,
  PARTNER_ROLE_LABELS,
  REGIONS_THAT_ARE_NATIONS,
  RURAL_URBAN_LABELS,
  SERVICE_AREAS,
  STAGE_LABELS,
  VERDICT_LABELS,
} from '@synapse/domain';
import type { ArtefactType, BudgetBand, EvaluationDesign, Licence, MemberRole, PartnerRole, Stage, Verdict } from './generated/graphql.js';

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
export const EVIDENCE_LEVELS: Record<number, string> = {
  1: 'Level 1: the team can say what it did and why it should help.',
  2: 'Level 2: data shows change, but cannot show the pilot caused it.',
  3: 'Level 3: a comparison group suggests the pilot caused the change.',
  4: 'Level 4: an independent evaluation has confirmed the impact and can explain why it happens.',
  5: 'Level 5: it has been replicated elsewhere, with manuals and systems so others get the same results.',
};

/** Facet fields shown on the search page, with their headings, in order. */
export const FACETS: Record<string, string> = {
  verdicts: 'Verdict',
  serviceAreas: 'Service area',
  stages: 'Stage',
  costBands: 'Cost',
  artefactTypes: 'Reusable artefacts',
  organisationTypes: 'Type of council',
  ruralUrbanClasses: 'Rural or urban',
  deprivationQuintiles: 'Deprivation',
  nations: 'Nation',
  regions: 'Region',
};

/** Facet values that repeat another facet's: the regions Scotland, Wales and Northern Ireland are also nations. */
export function isDuplicateFacetValue(field: string, value: string): boolean {
  return field === 'regions' && REGIONS_THAT_ARE_NATIONS.has(value);
}

/** An enum value as words: "URBAN_WITH_RURAL_AREAS" → "Urban with rural areas". */
export const sentenceCase = codeWords;

const SERVICE_AREA_NAMES = new Map<string, string>(SERVICE_AREAS.map((area) => [area.slug, area.name]));

export function facetValueLabel(field: string, value: string): string {
  if (field === 'verdicts') return VERDICTS[value as Verdict]?.label ?? value;
  if (field === 'stages') return STAGES[value as Stage] ?? value;
  if (field === 'serviceAreas') return SERVICE_AREA_NAMES.get(value) ?? value;
  if (field === 'costBands') return BUDGET_BANDS[value as BudgetBand] ?? value;
  if (field === 'artefactTypes') return ARTEFACT_TYPES[value as ArtefactType] ?? value;
  if (field === 'organisationTypes') return (COUNCIL_TYPE_LABELS as Record<string, string>)[value] ?? value;
  if (field === 'ruralUrbanClasses') return (RURAL_URBAN_LABELS as Record<string, string>)[value] ?? value;
  if (field === 'deprivationQuintiles') return DEPRIVATION_QUINTILE_LABELS[Number(value)] ?? value;
  if (field === 'nations') return (NATION_LABELS as Record<string, string>)[value] ?? value;
  if (field === 'regions') return value;
  return sentenceCase(value);
}

/** Every value of an enum, as options for a form: value and words. */
export function optionsOf<T extends string>(labels: Record<T, string>): Array<{ value: T; label: string }> {
  return (Object.entries(labels) as Array<[T, string]>).map(([value, label]) => ({ value, label }));
}

export const EVALUATION_DESIGNS: Record<EvaluationDesign, string> = EVALUATION_DESIGN_LABELS;

export const BUDGET_BANDS: Record<BudgetBand, string> = BUDGET_BAND_LABELS;

export const PARTNER_ROLES: Record<PartnerRole, string> = PARTNER_ROLE_LABELS;

export const ARTEFACT_TYPES: Record<ArtefactType, string> = ARTEFACT_TYPE_LABELS;

export const LICENCES: Record<Licence, string> = LICENCE_LABELS;

export const ROLES: Record<MemberRole, string> = {
  MEMBER: 'Member (can read drafts)',
  EDITOR: 'Editor (can publish)',
  ADMIN: 'Admin (manages people and keys)',
};

/**
 * A date as people in the UK write it ("1 April 2025"), shown in UK time. Takes API dates ("2025-04-01") and
 * date-times alike.
 */
export function formatDate(value: string, month: 'long' | 'short' = 'long'): string {
  return new Date(value).toLocaleDateString('en-GB', { day: 'numeric', month, year: 'numeric', timeZone: 'Europe/London' });
}
