import type { EntityManager } from '../../db/orm.js';
import { selectIn } from '../../db/rows.js';
import type { ExperimentRowRoot } from '../experiment/experiment-row.js';
import { artefactTexts, EXPERIMENT_COLUMNS, experimentRow, outcomeTexts, serviceAreasOf } from './document-source.js';
import { isSearchable, type RelatedText, relatedText } from './experiment-document.js';

/**
 * A page of hits re-read from the database in plain SQL: whether each is still searchable (an index a moment
 * behind never shows a draft or a withdrawn record), its own text columns, and the text of its outcomes,
 * artefacts and service areas for highlights. Building MikroORM entities for the same rows cost about 10 times
 * as much (docs/performance.md), so entities are built only when a query asks for more than rows answer
 * (experiment/experiment-row.ts: ROW_FIELDS and ROW_RELATIONS).
 */
export type HitColumns = ExperimentRowRoot;

/** The text of a hit by field beyond the experiment's own columns: its outcomes, artefacts and service areas. */
export type HitText = Partial<RelatedText>;

/** The searchable experiments among `ids` (published, not withdrawn), by id. */
export async function searchableColumns(em: EntityManager, ids: string[]): Promise<Map<string, HitColumns>> {
  // By primary key only: with a status condition too, SQLite preferred the status index and scanned every
  // published experiment (measured: the API's overhead grew with the corpus). Whether measures were registered
  // comes along (a unique index lookup per row), as it does with an entity (MikroORM joins the 1:1).
  const rows = await selectIn<Record<string, unknown>>(
    em,
    `select ${EXPERIMENT_COLUMNS}, exists (select 1 from measure_registrations r where r.experiment_id = experiments.id) as registered
     from experiments where id in (%s)`,
    ids,
  );
  // registered: 0 or 1 on SQLite, a boolean on PostgreSQL.
  return new Map(rows.map((row) => ({ ...experimentRow(row), registered: Number(row.registered) === 1 })).filter(isSearchable).map((row) => [row.id, row]));
}

/** The text of the hits' outcomes, artefacts (their titles and the words inside their files) and service areas. */
export async function hitTexts(em: EntityManager, ids: string[]): Promise<Map<string, HitText>> {
  const [outcomes, artefacts, areas] = await Promise.all([outcomeTexts(em, ids), artefactTexts(em, ids), serviceAreasOf(em, ids)]);
  return new Map(ids.map((id) => [id, relatedText({ outcomes: outcomes.get(id) ?? [], artefacts: artefacts.get(id) ?? [], serviceAreas: areas.get(id) ?? [] })]));
}
