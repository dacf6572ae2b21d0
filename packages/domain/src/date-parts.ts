// A date as people type it into the GOV.UK date input (day, month, year boxes), and the checks the Design System
// asks for, in its words. The API stores and takes ISO dates ("2025-03-27"); these convert both ways.

/** What is in the three boxes, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateParts;

export const NO_DATE: DateParts = { day: '', month: '', year: '' };

/** The boxes for an ISO date from the API (empty boxes for none). */
export function datePartsFromIso(iso: string | null | undefined): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!match) return { ...NO_DATE };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1]! };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** GOV.UK: accept months written as words, in full or short ("March", "mar", "Sept."), as well as numbers. */
function monthNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const word = text.toLowerCase().replace(/\.$/, '');
  const index = word.length < 3 ? -1 : MONTHS.findIndex((month) => month.startsWith(word));
  return index === -1 ? null : index + 1;
}

/** A date that was entered correctly (or left empty), or what is wrong with it and which boxes are at fault. */
export type DateCheck = { iso: string | null; message?: undefined; parts?: undefined } | { iso?: undefined; message: string; parts: DatePart[] };

const ORDER: DatePart[] = ['day', 'month', 'year'];

function joinParts(parts: DatePart[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * Checks the boxes of one date, the GOV.UK way: nothing entered is fine for an optional date ("Enter …" for a required
 * one); a missing box gives "… must include a month"; a year not of 4 numbers gives "Year must include 4 numbers";
 * anything that cannot be a date (31 2 2025, month 13) gives "… must be a real date". `name` is the date's name as it
 * starts a sentence ("Start date"). `parts` are the boxes to highlight; all three when the date as a whole is wrong.
 */
export function checkDateParts(typed: DateParts, name: string, options: { required?: boolean } = {}): DateCheck {
  const parts = { day: typed.day.trim(), month: typed.month.trim(), year: typed.year.trim() };
  const missing = ORDER.filter((part) => parts[part] === '');
  if (missing.length === 3) {
    return options.required ? { message: `Enter ${name.charAt(0).toLowerCase()}${name.slice(1)}`, parts: [...ORDER] } : { iso: null };
  }
  if (missing.length > 0) return { message: `${name} must include a ${joinParts(missing)}`, parts: missing };
  const wrong: DatePart[] = [];
  const day = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : NaN;
  const month = monthNumber(parts.month);
  if (!(day >= 1 && day <= 31)) wrong.push('day');
  if (month === null || month < 1 || month > 12) wrong.push('month');
  if (!/^\d+$/.test(parts.year)) wrong.push('year');
  else if (parts.year.length !== 4) {
    return wrong.length === 0 ? { message: 'Year must include 4 numbers', parts: ['year'] } : { message: `${name} must be a real date`, parts: [...wrong, 'year'] };
  }
  if (wrong.length > 0) return { message: `${name} must be a real date`, parts: wrong };
  const year = Number(parts.year);
  // 31 April, 29 February 2025: each box is fine alone, the date as a whole is not.
  const date = new Date(Date.UTC(year, month! - 1, day));
  if (date.getUTCDate() !== day || year < 1000) return { message: `${name} must be a real date`, parts: [...ORDER] };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { iso: `${parts.year}-${pad(month!)}-${pad(day)}` };
}
