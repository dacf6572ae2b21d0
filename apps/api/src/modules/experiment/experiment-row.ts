import type { ExperimentStatus, Verdict } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { requestLoader } from '../../db/request-loader.js';
import { date, grouped, selectIn } from '../../db/rows.js';
import { Experiment } from './experiment.entity.js';

/**
 * An experiment read in plain SQL rather than built as a MikroORM entity: what a page of search hits gives its
 * Experiment fields when the query asks for nothing a row cannot answer (modules/search/search-hit-read.ts).
 * Building the entities of a page of 20 hits, with their lead organisations and outcomes, cost the API three
 * times what the rest of a search did (docs/performance.md). The field resolvers of the fields in `ROW_FIELDS`
 * and `ROW_RELATIONS` accept either; every other field is only ever given an entity.
 */
export interface ExperimentRowRoot {
  id: string;
  slug: string;
  title: string;
  summary: string;
  problem: string;
  whatIsNew: string;
  approach: string;
  whoItServes: string | null;
  themes: string[];
  stage: string;
  status: ExperimentStatus;
  withdrawnAt: Date | null;
  leadOrganisationId: string;
  /** Whether its measures were registered before results (a measure registration exists). */
  registered: boolean;
}

/** The Experiment fields a row answers: its own columns, and fields whose resolvers need only its id. */
export const ROW_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'id',
  'slug',
  'title',
  'summary',
  'problem',
  'whatIsNew',
  'approach',
  'whoItServes',
  'themes',
  'stage',
  'status',
  'registered',
  'discussionCount',
]);

/** Experiment fields that link to another type, with the fields of it that a row of that type answers. */
export const ROW_RELATIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['leadOrganisation', new Set(['__typename', 'id', 'slug', 'name'])],
  ['outcomes', new Set(['__typename', 'id', 'title', 'verdict', 'evidenceLevel'])],
  ['interest', new Set(['__typename', 'total', 'considering', 'planning', 'trying'])],
]);

/**
 * Whether rows answer everything a query asks of an experiment. `asked(path)` gives the names of the fields
 * selected at `path` below the experiment ([] for its own fields, ["outcomes"] for those of its outcomes).
 */
export function rowsAnswer(asked: (path: string[]) => ReadonlySet<string>): boolean {
  for (const field of asked([])) {
    if (ROW_FIELDS.has(field)) continue;
    const answered = ROW_RELATIONS.get(field);
    if (!answered) return false;
    for (const inner of asked([field])) if (!answered.has(inner)) return false;
  }
  return true;
}

/** An organisation as a row answers it (ROW_RELATIONS.leadOrganisation). */
export interface OrganisationRow {
  id: string;
  slug: string;
  name: string;
}

/** An outcome as a row answers it (ROW_RELATIONS.outcomes), with what orders it. */
export interface OutcomeRow {
  id: string;
  title: string;
  verdict: Verdict;
  evidenceLevel: number;
  createdAt: Date;
}

/** An experiment's outcomes, oldest first, ties by id: the same order from rows as from entities. */
export function oldestFirst(a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function isEntity(experiment: Experiment | ExperimentRowRoot): experiment is Experiment {
  return experiment instanceof Experiment;
}

async function organisationRows(em: EntityManager, ids: readonly string[]): Promise<(OrganisationRow | Error)[]> {
  const rows = await selectIn<OrganisationRow>(em, 'select id, slug, name from organisations where id in (%s)', [...new Set(ids)]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  // A missing one fails its own hit only, as an entity's loadOrFail would.
  return ids.map((id) => byId.get(id) ?? new Error(`Organisation ${id} not found`));
}

async function outcomeRows(em: EntityManager, experimentIds: readonly string[]): Promise<OutcomeRow[][]> {
  const rows = await selectIn<Record<string, unknown>>(
    em,
    'select id, experiment_id, title, verdict, evidence_level, created_at from outcomes where experiment_id in (%s)',
    [...new Set(experimentIds)],
  );
  const byExperiment = grouped(rows, (row): OutcomeRow => ({
    id: row.id as string,
    title: row.title as string,
    verdict: row.verdict as Verdict,
    evidenceLevel: Number(row.evidence_level),
    createdAt: date(row.created_at)!,
  }));
  return experimentIds.map((id) => (byExperiment.get(id) ?? []).sort(oldestFirst));
}

/** A row's lead organisation (one statement for the request's rows). */
export function leadOrganisationRow(em: EntityManager, experiment: ExperimentRowRoot): Promise<OrganisationRow> {
  return requestLoader(em, organisationRows).load(experiment.leadOrganisationId);
}

/** A row's outcomes, oldest first (one statement for the request's rows). */
export function outcomeRowsOf(em: EntityManager, experiment: ExperimentRowRoot): Promise<OutcomeRow[]> {
  return requestLoader(em, outcomeRows).load(experiment.id);
}

/** The entity behind a row, for the rare caller that needs one (never a search's page: see ROW_FIELDS). */
export async function experimentEntity(em: EntityManager, experiment: Experiment | ExperimentRowRoot): Promise<Experiment> {
  return isEntity(experiment) ? experiment : em.findOneOrFail(Experiment, experiment.id);
}
