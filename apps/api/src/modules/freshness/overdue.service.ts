import type { FilterQuery } from '@mikro-orm/core';
import type { FreshnessConfig } from '../../config.js';
import type { EntityManager } from '../../db/orm.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Outcome } from '../outcome/outcome.entity.js';
import { isResultsOverdue, isReviewOverdue, isStanding, reviewBaseOn, reviewDueOn } from './freshness-rules.js';

export type OverdueKind = 'REVIEW_DUE' | 'RESULTS_OVERDUE';

/** One published (not withdrawn) experiment that needs its team, and since when. */
export interface OverdueItem {
  kind: OverdueKind;
  experiment: Experiment;
  /** REVIEW_DUE: the review-due date; RESULTS_OVERDUE: the end date. */
  since: string;
  /** REVIEW_DUE: the date the cycle counts from (a new review starts a new cycle); RESULTS_OVERDUE: the end date. */
  cycle: string;
}

/** How many outcomes each experiment has, in one query. */
export async function outcomeCounts(em: EntityManager, ids: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (ids.length === 0) return counts;
  const outcomes = await em.find(Outcome, { experiment: { $in: ids } }, { fields: ['experiment'] });
  for (const outcome of outcomes) counts.set(outcome.experiment.id, (counts.get(outcome.experiment.id) ?? 0) + 1);
  return counts;
}

/**
 * Published experiments (narrowed by `where`) overdue for review or for results at `now`, oldest first.
 * Read a batch at a time. With `release`, each batch's entities leave the EntityManager before the next is read,
 * so a scan of the whole network holds one batch in memory (without it, 100,000 experiments filled a 1 GiB heap);
 * a caller that keeps items past their batch leaves it off.
 */
export async function* overdueBatches(
  em: EntityManager,
  where: FilterQuery<Experiment>,
  now: Date,
  config: FreshnessConfig,
  { batchSize = 500, release = false }: { batchSize?: number; release?: boolean } = {},
): AsyncGenerator<OverdueItem[]> {
  let after: string | null = null;
  for (;;) {
    // By key (and `where`) only, published and not withdrawn checked in code: with the status in the query SQLite
    // read every published experiment through the status index and sorted them, for every batch (a scan of
    // 100,000 took 30 s at start-up, in one stretch: the API answered nothing meanwhile).
    const conditions: FilterQuery<Experiment>[] = [where];
    if (after) conditions.push({ id: { $gt: after } });
    const read: Experiment[] = await em.find(Experiment, { $and: conditions }, { orderBy: { id: 'asc' }, limit: batchSize });
    const last = read.at(-1);
    if (!last) return;
    const page = read.filter(isStanding);
    const counts = await outcomeCounts(em, page.map((experiment) => experiment.id));
    const items: OverdueItem[] = [];
    for (const experiment of page) {
      if (isReviewOverdue(experiment, now, config)) {
        items.push({ kind: 'REVIEW_DUE', experiment, since: reviewDueOn(experiment, config), cycle: reviewBaseOn(experiment) });
      }
      if (isResultsOverdue(experiment, counts.get(experiment.id) ?? 0, now)) {
        items.push({ kind: 'RESULTS_OVERDUE', experiment, since: experiment.endDate!, cycle: experiment.endDate! });
      }
    }
    yield items;
    after = last.id;
    if (release) em.clear();
    // SQLite answers synchronously: a turn of the event loop between batches, so requests are served meanwhile.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Every overdue item for one organisation's experiments, oldest first. */
export async function overdueForOrganisation(em: EntityManager, organisationId: string, now: Date, config: FreshnessConfig): Promise<OverdueItem[]> {
  const items: OverdueItem[] = [];
  for await (const batch of overdueBatches(em, { leadOrganisation: organisationId }, now, config)) items.push(...batch);
  return items.sort((a, b) => a.since.localeCompare(b.since) || a.experiment.title.localeCompare(b.experiment.title));
}
