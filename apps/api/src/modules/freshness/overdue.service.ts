import type { FreshnessConfig } from '../../config.js';
import type { EntityManager } from '../../db/orm.js';
import { selectIn } from '../../db/rows.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { type ExperimentRow, experimentPage } from '../search/document-source.js';
import { isResultsOverdue, isReviewOverdue, isStanding, reviewBaseOn, reviewDueOn } from './freshness-rules.js';

export type OverdueKind = 'REVIEW_DUE' | 'RESULTS_OVERDUE';

/** What the freshness rules read of an experiment: its entity, or its row in plain SQL (ExperimentRow). */
type Dated = Pick<ExperimentRow, 'id' | 'status' | 'withdrawnAt' | 'contentChangedAt' | 'publishedAt' | 'createdAt' | 'lastReviewedOn' | 'endDate'>;

/** One published (not withdrawn) experiment that needs its team, and since when. */
export interface OverdueItem<E extends Dated = Experiment> {
  kind: OverdueKind;
  experiment: E;
  /** REVIEW_DUE: the review-due date; RESULTS_OVERDUE: the end date. */
  since: string;
  /** REVIEW_DUE: the date the cycle counts from (a new review starts a new cycle); RESULTS_OVERDUE: the end date. */
  cycle: string;
}

/** Experiments read per page by the overdue scans. */
const PAGE_SIZE = 500;

/** How many outcomes each experiment has, in one query per 500 (counted by the database, no entity built). */
export async function outcomeCounts(em: EntityManager, ids: string[]): Promise<Map<string, number>> {
  const rows = await selectIn<{ experiment_id: string; outcomes: number | string }>(em, 'select experiment_id, count(*) as outcomes from outcomes where experiment_id in (%s) group by experiment_id', ids);
  return new Map(rows.map((row) => [row.experiment_id, Number(row.outcomes)]));
}

/** The overdue items among some standing experiments, given their outcome counts. */
function overdueItems<E extends Dated>(experiments: E[], counts: Map<string, number>, now: Date, config: FreshnessConfig): OverdueItem<E>[] {
  const items: OverdueItem<E>[] = [];
  for (const experiment of experiments) {
    if (isReviewOverdue(experiment, now, config)) {
      items.push({ kind: 'REVIEW_DUE', experiment, since: reviewDueOn(experiment, config), cycle: reviewBaseOn(experiment) });
    }
    if (isResultsOverdue(experiment, counts.get(experiment.id) ?? 0, now)) {
      items.push({ kind: 'RESULTS_OVERDUE', experiment, since: experiment.endDate!, cycle: experiment.endDate! });
    }
  }
  return items;
}

/**
 * The overdue items of the experiments `read` returns a page at a time in id order (after the last id of the page
 * before): published and not withdrawn is checked in code, since with the status in the query SQLite read every
 * published experiment through the status index for every page. SQLite answers synchronously, so the event loop
 * gets a turn between pages and requests are served meanwhile.
 */
async function* overduePages<E extends Dated>(em: EntityManager, read: (after: string | null) => Promise<E[]>, now: Date, config: FreshnessConfig): AsyncGenerator<OverdueItem<E>[]> {
  for (let page = await read(null); page.length; page = await read(page.at(-1)!.id)) {
    const standing = page.filter(isStanding);
    yield overdueItems(standing, await outcomeCounts(em, standing.map((experiment) => experiment.id)), now, config);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Every published experiment of the network overdue for review or for results at `now`, as rows read in plain
 * SQL a page at a time. The hourly reminders scan the whole network: built as MikroORM entities, 100,000
 * experiments were gigabytes of short-lived objects per scan (a heap profile of the start-up), which set the API's
 * memory high-water mark; rows are a tenth of that and nothing is tracked.
 */
export function networkOverdueBatches(em: EntityManager, now: Date, config: FreshnessConfig, batchSize = PAGE_SIZE): AsyncGenerator<OverdueItem<ExperimentRow>[]> {
  return overduePages(em, (after) => experimentPage(em, after, batchSize), now, config);
}

/** Every overdue item for one organisation's experiments, as entities (what the GraphQL attention list resolves), oldest first. */
export async function overdueForOrganisation(em: EntityManager, organisationId: string, now: Date, config: FreshnessConfig): Promise<OverdueItem[]> {
  const read = (after: string | null) =>
    em.find(Experiment, { leadOrganisation: organisationId, ...(after ? { id: { $gt: after } } : {}) }, { orderBy: { id: 'asc' }, limit: PAGE_SIZE });
  const items: OverdueItem[] = [];
  for await (const batch of overduePages(em, read, now, config)) items.push(...batch);
  return items.sort((a, b) => a.since.localeCompare(b.since) || a.experiment.title.localeCompare(b.experiment.title));
}
