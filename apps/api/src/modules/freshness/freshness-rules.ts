import { ExperimentStatus } from '@synapse/domain';
import { isoDate } from '../../clock.js';
import type { FreshnessConfig } from '../../config.js';
import type { Experiment } from '../experiment/experiment.entity.js';

// The rules that say when a published record needs its team, in one place. Pure: "now" is always passed in.
//
//   substantive change  the content fields, the stage, outcomes, artefacts or partners changed (not follows,
//                       views, contacts, team membership or status) — see substantive-change.ts
//   review due          reviewMonths (default 12) after the later of the last substantive change and the
//                       last review ("still accurate" confirmed); overdue from that day on
//   results overdue     published, an end date in the past (before today), and no outcome reported

type Dated = Pick<Experiment, 'contentChangedAt' | 'publishedAt' | 'createdAt' | 'lastReviewedOn'>;

/** When the content last changed substantively: publication counts as one, for records never edited since. */
export function lastSubstantiveChange(experiment: Dated): Date {
  return experiment.contentChangedAt ?? experiment.publishedAt ?? experiment.createdAt;
}

/** The date the review cycle counts from: the later of the last substantive change and the last review. */
export function reviewBaseOn(experiment: Dated): string {
  const changed = isoDate(lastSubstantiveChange(experiment));
  return experiment.lastReviewedOn && experiment.lastReviewedOn > changed ? experiment.lastReviewedOn : changed;
}

/** Adds calendar months to a "YYYY-MM-DD" date, keeping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) throw new Error(`addMonths needs a YYYY-MM-DD date, not "${date}"`);
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = total % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return isoDate(new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))));
}

export function reviewDueOn(experiment: Dated, config: FreshnessConfig): string {
  return addMonths(reviewBaseOn(experiment), config.reviewMonths);
}

type Standing = Pick<Experiment, 'status'> & Partial<Pick<Experiment, 'withdrawnAt'>>;

/** Published and not withdrawn: a withdrawn record is kept for readers, but its team is not asked to keep it up. */
export function isStanding(experiment: Standing): boolean {
  return experiment.status === ExperimentStatus.PUBLISHED && !experiment.withdrawnAt;
}

export function isReviewOverdue(experiment: Dated & Standing, now: Date, config: FreshnessConfig): boolean {
  return isStanding(experiment) && reviewDueOn(experiment, config) <= isoDate(now);
}

export function isResultsOverdue(
  experiment: Standing & Pick<Experiment, 'endDate'>,
  outcomeCount: number,
  now: Date,
): boolean {
  return isStanding(experiment) && outcomeCount === 0 && !!experiment.endDate && experiment.endDate < isoDate(now);
}

/** Whole days from `from` to `to` ("YYYY-MM-DD"), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

let lastCutoff: { key: string; cutoff: string } | null = null;

/**
 * The latest review-base date that is overdue at `now`: a record is overdue exactly when its review base (see
 * reviewBaseOn) is on or before it. Lets search filter with a plain comparison.
 */
export function reviewCutoff(now: Date, config: FreshnessConfig): string {
  const today = isoDate(now);
  // Every search asks; the answer only changes with the day.
  const remembered = `${today}/${config.reviewMonths}`;
  if (lastCutoff?.key === remembered) return lastCutoff.cutoff;
  let cutoff = addMonths(today, -config.reviewMonths);
  while (addMonths(cutoff, config.reviewMonths) > today) cutoff = addDays(cutoff, -1);
  for (let next = addDays(cutoff, 1); addMonths(next, config.reviewMonths) <= today; next = addDays(next, 1)) cutoff = next;
  lastCutoff = { key: remembered, cutoff };
  return cutoff;
}

export function addDays(date: string, days: number): string {
  return isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
}

/** "YYYY-MM-DD" as the number YYYYMMDD, for search filters. */
export function dateNumber(date: string): number {
  return Number(date.replaceAll('-', ''));
}
