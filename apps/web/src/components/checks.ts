import { type DateParts, checkDateParts } from '@synapse/domain';
import { dateProblem } from './DateInput.js';
import { numberOrNull, type Problem } from './forms.js';

// The checks a form makes before it sends anything, so that one submit shows every mistake at once (GOV.UK: all
// errors in one round) rather than the client's first and the API's after. They use the limits the API validates with
// (LIMITS in @synapse/domain) and say the same things in the same GOV.UK words; the API still checks everything,
// and its answer is still shown against the fields should the two ever disagree.

/** "Date reported (optional)" → "Date reported": how a field is named at the start of an error message. */
export const plainLabel = (label: string) => label.replace(/\s*\(optional\)$/, '');

const count = (n: number) => n.toLocaleString('en-GB');

/** Collects problems, one per field (GOV.UK shows one error per question), in the order the form asks them. */
export class Checks {
  readonly problems: Problem[] = [];

  add(problem: Problem | null | undefined): void {
    if (problem && !this.problems.some((other) => other.field === problem.field)) this.problems.push(problem);
  }

  /** Free text: `required` is the message when it is blank ("Enter a summary"). */
  text(field: string, value: string, label: string, rules: { required?: string; min?: number; max: number }): void {
    const length = value.trim().length;
    if (length === 0) {
      if (rules.required) this.add({ field, message: rules.required });
      return;
    }
    if (rules.min && length < rules.min) this.add({ field, message: `${plainLabel(label)} must be ${count(rules.min)} characters or more` });
    if (value.length > rules.max) this.add({ field, message: `${plainLabel(label)} must be ${count(rules.max)} characters or fewer` });
  }

  /** A number typed as text (blank is no answer); `example` shows the form the answer should take. */
  number(field: string, typed: string, label: string, rules: { whole?: boolean; min?: number; max?: number; example: string }): number | null {
    const value = numberOrNull(typed);
    if (value === null) return null;
    if (Number.isNaN(value) || (rules.whole && !Number.isInteger(value))) {
      this.add({ field, message: `${plainLabel(label)} must be ${rules.whole ? 'a whole number' : 'a number'}, like ${rules.example}` });
    } else if (rules.min !== undefined && value < rules.min) {
      this.add({ field, message: `${plainLabel(label)} must be ${count(rules.min)} or more` });
    } else if (rules.max !== undefined && value > rules.max) {
      this.add({ field, message: `${plainLabel(label)} must be ${count(rules.max)} or less` });
    }
    return value;
  }

  /** A date in day, month and year boxes; its ISO form, or null (empty, or wrong: then a problem is added). */
  date(field: string, typed: DateParts, label: string, options: { required?: boolean } = {}): string | null {
    const check = checkDateParts(typed, plainLabel(label), options);
    if (check.message !== undefined) {
      this.add(dateProblem(field, check));
      return null;
    }
    return check.iso;
  }

  /** A question that must be answered (radios without a default): `message` says what to do ("Select …"). */
  chosen(field: string, value: string, message: string): void {
    if (!value) this.add({ field, message });
  }
}
