import type { ArtefactType, BudgetBand, EvaluationDesign, Licence, MemberRole, OrganisationKind, PartnerRole, Stage, Verdict } from './enums.js';

// Every enum as words, in one place: the web client's pages, notifications, emails and the CSV exports (beside the
// codes) all read these, so nobody sees "EVALUATING" or "(mixed)". Keys are the enum values (the same strings GraphQL
// and the database use). Place words (nations, council types, rural or urban) live in place-labels.ts.

export const STAGE_LABELS: Record<`${Stage}`, string> = {
  IDEA: 'Idea',
  DISCOVERY: 'Discovery',
  PILOT: 'Pilot',
  EVALUATING: 'Evaluating',
  SCALING: 'Scaling',
  EMBEDDED: 'Embedded',
  STOPPED: 'Stopped',
};

export const VERDICT_LABELS: Record<`${Verdict}`, string> = {
  WORKED: 'Worked',
  MIXED: 'Mixed results',
  NO_EFFECT: 'No effect',
  INCONCLUSIVE: 'Inconclusive',
  HARMFUL: 'Made things worse',
  STOPPED_EARLY: 'Stopped early',
};

export const EVALUATION_DESIGN_LABELS: Record<`${EvaluationDesign}`, string> = {
  CASE_STUDY: 'Case study',
  QUALITATIVE: 'Interviews or other qualitative research',
  BEFORE_AFTER: 'Before and after comparison',
  QUASI_EXPERIMENTAL: 'Comparison group (quasi-experimental)',
  RANDOMISED_TRIAL: 'Randomised controlled trial',
};

export const BUDGET_BAND_LABELS: Record<`${BudgetBand}`, string> = {
  UNDER_10K: 'Under £10,000',
  FROM_10K_TO_50K: '£10,000 to £50,000',
  FROM_50K_TO_250K: '£50,000 to £250,000',
  FROM_250K_TO_1M: '£250,000 to £1 million',
  OVER_1M: 'Over £1 million',
};

export const PARTNER_ROLE_LABELS: Record<`${PartnerRole}`, string> = {
  CO_LEAD: 'Co-lead',
  DELIVERY: 'Delivery partner',
  FUNDER: 'Funder',
  EVALUATOR: 'Evaluator',
  ADVISER: 'Adviser',
  OTHER: 'Other',
};

export const ARTEFACT_TYPE_LABELS: Record<`${ArtefactType}`, string> = {
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

export const LICENCE_LABELS: Record<`${Licence}`, string> = {
  OGL_3: 'Open Government Licence v3.0',
  CC_BY_4: 'Creative Commons Attribution 4.0',
  CC_BY_SA_4: 'Creative Commons Attribution-ShareAlike 4.0',
  CC0_1: 'Creative Commons Zero (public domain)',
  MIT: 'MIT licence',
  APACHE_2: 'Apache licence 2.0',
  GPL_3: 'GNU General Public Licence v3',
  ALL_RIGHTS_RESERVED: 'All rights reserved: ask before reusing',
};

/** Where each licence's text lives (schema.org `license`, the PDF summary); none for "all rights reserved". */
export const LICENCE_URLS: Record<`${Licence}`, string | null> = {
  OGL_3: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  CC_BY_4: 'https://creativecommons.org/licenses/by/4.0/',
  CC_BY_SA_4: 'https://creativecommons.org/licenses/by-sa/4.0/',
  CC0_1: 'https://creativecommons.org/publicdomain/zero/1.0/',
  MIT: 'https://opensource.org/license/mit',
  APACHE_2: 'https://www.apache.org/licenses/LICENSE-2.0',
  GPL_3: 'https://www.gnu.org/licenses/gpl-3.0.html',
  ALL_RIGHTS_RESERVED: null,
};

export const MEMBER_ROLE_LABELS: Record<`${MemberRole}`, string> = {
  MEMBER: 'Member (can read drafts)',
  EDITOR: 'Editor (can publish)',
  ADMIN: 'Admin (manages people and keys)',
};

export const ORGANISATION_KIND_LABELS: Record<`${OrganisationKind}`, string> = {
  COUNCIL: 'Council',
  VOLUNTARY_AND_COMMUNITY: 'Voluntary and community organisation',
  NHS: 'NHS body',
  POLICE: 'Police',
  EDUCATION: 'School, college or other education provider',
  ACADEMIC: 'University or research institute',
  PRIVATE: 'Private company',
  NATIONAL_BODY: 'National body',
};

/** Nesta Standards of Evidence, in plain English: what each level (1 to 5) means. */
export const EVIDENCE_LEVEL_LABELS: Record<number, string> = {
  1: 'Level 1: the team can say what it did and why it should help.',
  2: 'Level 2: data shows change, but cannot show the pilot caused it.',
  3: 'Level 3: a comparison group suggests the pilot caused the change.',
  4: 'Level 4: an independent evaluation has confirmed the impact and can explain why it happens.',
  5: 'Level 5: it has been replicated elsewhere, with manuals and systems so others get the same results.',
};

/** Any other code as words: "URBAN_WITH_RURAL_AREAS" → "Urban with rural areas". */
export function codeWords(value: string): string {
  return value.replaceAll('_', ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());
}
