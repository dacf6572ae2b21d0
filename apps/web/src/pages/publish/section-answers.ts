import { datePartsFromIso, type DateParts, LIMITS } from '@synapse/domain';
import { Checks, plainLabel } from '../../components/checks.js';
import type { Option, Problem } from '../../components/forms.js';
import type { EditableExperimentFragment, UpdateExperimentInput } from '../../generated/graphql.js';

/**
 * One question on a section page. Values are held as typed (strings, a date's boxes) and converted when saved.
 * `required` is the message when a text is left blank; `min` and `max` are the lengths the API allows (from LIMITS).
 */
interface Question {
  key: string;
  label: string;
  hint?: string;
}

export type FieldSpec =
  | (Question & { kind: 'text' | 'textarea' | 'email'; nullable?: boolean; width?: '10' | '20' | '30'; limit?: number; required?: string; min?: number; max: number })
  | (Question & { kind: 'date' })
  | (Question & { kind: 'number'; width?: '10' | '20' | '30'; max: number })
  | (Question & { kind: 'select' | 'radios'; options: Option[]; nullable?: boolean })
  | (Question & { kind: 'serviceAreas' | 'themes' });

export type Values = Record<string, string | string[] | DateParts>;

export function valuesFrom(experiment: EditableExperimentFragment, fields: FieldSpec[]): Values {
  const record = experiment as unknown as Record<string, unknown>;
  return Object.fromEntries(
    fields.map((field) => {
      if (field.kind === 'serviceAreas') return [field.key, experiment.serviceAreas.map((area) => area.slug)];
      if (field.kind === 'themes') return [field.key, experiment.themes.join(', ')];
      const value = record[field.key];
      if (field.kind === 'date') return [field.key, datePartsFromIso(value as string | null)];
      return [field.key, value === null || value === undefined ? '' : String(value)];
    }),
  );
}

// Like the API's IsEmail, roughly: the API still refuses what slips through, against the same field.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Converts what was typed into the API's input, and checks it as the API would, so one submit shows every mistake
 * in the section (GOV.UK: all errors in one round) instead of the client's few first and the API's after fixing them.
 * `currentStage` is the stage saved now: moving to "stopped" needs a reason, as the API says.
 */
export function inputFrom(values: Values, fields: FieldSpec[], currentStage?: string): { input: UpdateExperimentInput; problems: Problem[] } {
  const input: Record<string, unknown> = {};
  const check = new Checks();
  for (const field of fields) {
    const value = values[field.key];
    const label = plainLabel(field.label);
    if (field.kind === 'serviceAreas') {
      input[field.key] = value;
      if ((value as string[]).length > LIMITS.serviceAreasMax) check.add({ field: field.key, message: `Choose no more than ${LIMITS.serviceAreasMax} service areas` });
    } else if (field.kind === 'themes') {
      const themes = String(value).split(',').map((theme) => theme.trim()).filter(Boolean);
      input[field.key] = themes;
      if (themes.length > LIMITS.themesMax) check.add({ field: field.key, message: `Enter no more than ${LIMITS.themesMax} themes` });
      if (themes.some((theme) => theme.length > LIMITS.themeMax)) check.add({ field: field.key, message: `Each theme must be ${LIMITS.themeMax} characters or fewer` });
    } else if (field.kind === 'number') {
      input[field.key] = check.number(field.key, String(value), label, { whole: true, min: 0, max: field.max, example: '25000' });
    } else if (field.kind === 'date') {
      input[field.key] = check.date(field.key, value as DateParts, label);
    } else if (field.kind === 'text' || field.kind === 'textarea' || field.kind === 'email') {
      const text = String(value);
      check.text(field.key, text, label, { required: field.required, min: field.min, max: field.limit ?? field.max });
      if (field.kind === 'email' && text.trim() && !EMAIL.test(text.trim())) {
        check.add({ field: field.key, message: 'Enter an email address in the correct format, like name@council.gov.uk' });
      }
      input[field.key] = field.nullable ? text.trim() || null : text;
    } else if ('nullable' in field && field.nullable) {
      input[field.key] = String(value).trim() || null; // "Not known yet"
    } else {
      input[field.key] = String(value);
    }
  }
  if (input.stage === 'STOPPED' && currentStage !== 'STOPPED' && 'stageNote' in input && !input.stageNote) {
    check.add({ field: 'stageNote', message: 'Enter why the experiment stopped' });
  }
  if (typeof input.startDate === 'string' && typeof input.endDate === 'string' && input.endDate < input.startDate) {
    check.add({ field: 'endDate', message: 'End date must be the same as or after the start date' });
  }
  return { input: input as UpdateExperimentInput, problems: check.problems };
}
