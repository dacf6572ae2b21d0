import type { EntityManager } from '../../db/orm.js';
import { artefactTexts, type ExperimentRow, experimentRows, outcomeTexts, serviceAreasOf } from './document-source.js';
import { isSearchable, type RelatedText, relatedText } from './experiment-document.js';

/**
 * A page of hits re-read from the database in plain SQL: whether each is still searchable (an index a moment
 * behind never shows a draft or a withdrawn record), its own text columns, and the text of its outcomes,
 * artefacts and service areas for highlights. Building MikroORM entities for the same rows cost about 10 times
 * as much (docs/performance.md), so entities are built only when a query asks for more than these columns.
 */
const HIT_COLUMNS = ['id', 'slug', 'title', 'summary', 'problem', 'whoItServes', 'whatIsNew', 'approach', 'themes', 'stage', 'status'] as const;

export type HitColumns = Pick<ExperimentRow, (typeof HIT_COLUMNS)[number]>;

/** The GraphQL fields of Experiment that HitColumns answers (each a column of the same name). */
export const HIT_COLUMN_FIELDS: ReadonlySet<string> = new Set(['__typename', ...HIT_COLUMNS]);

/** The text of a hit by field beyond the experiment's own columns: its outcomes, artefacts and service areas. */
export type HitText = Partial<RelatedText>;

/** The searchable experiments among `ids` (published, not withdrawn), by id. */
export async function searchableColumns(em: EntityManager, ids: string[]): Promise<Map<string, HitColumns>> {
  // By primary key only: with a status condition too, SQLite preferred the status index and scanned every
  // published experiment (measured: the API's overhead grew with the corpus).
  return new Map((await experimentRows(em, ids)).filter(isSearchable).map((row) => [row.id, row]));
}

/** The text of the hits' outcomes, artefacts (their titles and the words inside their files) and service areas. */
export async function hitTexts(em: EntityManager, ids: string[]): Promise<Map<string, HitText>> {
  const [outcomes, artefacts, areas] = await Promise.all([outcomeTexts(em, ids), artefactTexts(em, ids), serviceAreasOf(em, ids)]);
  return new Map(ids.map((id) => [id, relatedText({ outcomes: outcomes.get(id) ?? [], artefacts: artefacts.get(id) ?? [], serviceAreas: areas.get(id) ?? [] })]));
}
