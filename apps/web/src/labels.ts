import { COUNCIL_TYPE_LABELS, DEPRIVATION_QUINTILE_LABELS, NATION_LABELS, REGIONS_THAT_ARE_NATIONS, RURAL_URBAN_LABELS, SERVICE_AREAS } from '@synapse/domain';
import type { ArtefactType, BudgetBand, EvaluationDesign, Licence, MemberRole, PartnerRole, Stage, Verdict } from './generated/graphql.js';

export const VERDICTS: Record<Verdict, { label: string; tag: string }> = {
  WORKED: { label: 'Worked', tag: 'govuk-tag--green' },
  MIXED: { label: 'Mixed results', tag: 'govuk-tag--yellow' },
  NO_EFFECT: { label: 'No effect', tag: 'govuk-tag--grey' },
  INCONCLUSIVE: { label: 'Inconclusive', tag: 'govuk-tag--grey' },
  HARMFUL: { label: 'Made things worse', tag: 'govuk-tag--red' },
  STOPPED_EARLY: { label: 'Stopped early', tag: 'govuk-tag--orange' },
};

export const STAGES: Record<Stage, string> = {
  IDEA: 'Idea',
  DISCOVERY: 'Discovery',
  PILOT: 'Pilot',
  EVALUATING: 'Evaluating',
  SCALING: 'Scaling',
  EMBEDDED: 'Embedded',
  STOPPED: 'Stopped',
};

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
export function sentenceCase(value: string): string {
  return value.replaceAll('_', ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());
}

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

export const EVALUATION_DESIGNS: Record<EvaluationDesign, string> = {
  CASE_STUDY: 'Case study',
  QUALITATIVE: 'Interviews or other qualitative research',
  BEFORE_AFTER: 'Before and after comparison',
  QUASI_EXPERIMENTAL: 'Comparison group (quasi-experimental)',
  RANDOMISED_TRIAL: 'Randomised controlled trial',
};

export const BUDGET_BANDS: Record<BudgetBand, string> = {
  UNDER_10K: 'Under £10,000',
  FROM_10K_TO_50K: '£10,000 to £50,000',
  FROM_50K_TO_250K: '£50,000 to £250,000',
  FROM_250K_TO_1M: '£250,000 to £1 million',
  OVER_1M: 'Over £1 million',
};

export const PARTNER_ROLES: Record<PartnerRole, string> = {
  CO_LEAD: 'Co-lead',
  DELIVERY: 'Delivery partner',
  FUNDER: 'Funder',
  EVALUATOR: 'Evaluator',
  ADVISER: 'Adviser',
  OTHER: 'Other',
};

export const ARTEFACT_TYPES: Record<ArtefactType, string> = {
  BUSINESS_CASE: 'Business case',
  EVALUATION_REPORT: 'Evaluation report',
  GUIDANCE: 'Guidance',
  SERVICE_BLUEPRINT: 'Service blueprint',
  TEMPLATE: 'Template',
  TOOLKIT: 'Toolkit',
  DATA_SET: 'Data set',
  CODE_REPOSITORY: 'Code repository',
  OTHER: 'Other',
};

export const LICENCES: Record<Licence, string> = {
  OGL_3: 'Open Government Licence v3.0',
  CC_BY_4: 'Creative Commons Attribution 4.0',
  CC_BY_SA_4: 'Creative Commons Attribution-ShareAlike 4.0',
  CC0_1: 'Creative Commons Zero (public domain)',
  MIT: 'MIT licence',
  APACHE_2: 'Apache licence 2.0',
  GPL_3: 'GNU General Public Licence v3',
  ALL_RIGHTS_RESERVED: 'All rights reserved: ask before reusing',
};

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
