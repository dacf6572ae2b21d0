import { SERVICE_AREAS } from '@synapse/domain';
import type { Stage, Verdict } from './generated/graphql.js';

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
  nations: 'Nation',
  regions: 'Region',
};

/** An enum value as words: "URBAN_WITH_RURAL_AREAS" → "Urban with rural areas". */
export function sentenceCase(value: string): string {
  return value.replaceAll('_', ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());
}

const SERVICE_AREA_NAMES = new Map<string, string>(SERVICE_AREAS.map((area) => [area.slug, area.name]));

export function facetValueLabel(field: string, value: string): string {
  if (field === 'verdicts') return VERDICTS[value as Verdict]?.label ?? value;
  if (field === 'stages') return STAGES[value as Stage] ?? value;
  if (field === 'serviceAreas') return SERVICE_AREA_NAMES.get(value) ?? value;
  return sentenceCase(value);
}
