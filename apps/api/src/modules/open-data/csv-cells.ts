import {
  ARTEFACT_TYPE_LABELS,
  BUDGET_BAND_LABELS,
  COUNCIL_TYPE_LABELS,
  EVALUATION_DESIGN_LABELS,
  LICENCE_LABELS,
  NATION_LABELS,
  ORGANISATION_KIND_LABELS,
  RURAL_URBAN_LABELS,
  STAGE_LABELS,
  VERDICT_LABELS,
} from '@synapse/domain';

// Characters a spreadsheet may read as the start of a formula (OWASP, "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell a spreadsheet will show as text: one starting like a formula gets a leading apostrophe. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const WORDS: Record<string, (code: string) => string | undefined> = {
  verdict: (code) => VERDICT_LABELS[code as keyof typeof VERDICT_LABELS],
  latest_verdict: (code) => VERDICT_LABELS[code as keyof typeof VERDICT_LABELS],
  stage: (code) => STAGE_LABELS[code as keyof typeof STAGE_LABELS],
  evaluationDesign: (code) => EVALUATION_DESIGN_LABELS[code as keyof typeof EVALUATION_DESIGN_LABELS],
  budget_band: (code) => BUDGET_BAND_LABELS[code as keyof typeof BUDGET_BAND_LABELS],
  licence: (code) => LICENCE_LABELS[code as keyof typeof LICENCE_LABELS],
  type: (code) => ARTEFACT_TYPE_LABELS[code as keyof typeof ARTEFACT_TYPE_LABELS],
  nation: (code) => NATION_LABELS[code as keyof typeof NATION_LABELS],
  kind: (code) => ORGANISATION_KIND_LABELS[code as keyof typeof ORGANISATION_KIND_LABELS],
  council_type: (code) => COUNCIL_TYPE_LABELS[code as keyof typeof COUNCIL_TYPE_LABELS],
  rural_urban_class: (code) => RURAL_URBAN_LABELS[code as keyof typeof RURAL_URBAN_LABELS],
};

/** The row with words beside each code column (`verdict`, then `verdict_label`), for people reading the CSV. */
export function withLabels(row: Record<string, unknown>): Record<string, unknown> {
  const labelled: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    labelled[key] = value;
    const words = WORDS[key];
    if (words) labelled[/[A-Z]/.test(key) ? `${key}Label` : `${key}_label`] = typeof value === 'string' ? (words(value) ?? value) : null;
  }
  return labelled;
}
