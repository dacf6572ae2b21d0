import { ExperimentStatus, type Stage } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { artefactTexts, json, outcomeTexts, selectIn, serviceAreasOf } from './document-source.js';

/**
 * A page of hits re-read from the database in plain SQL: whether each is still searchable (an index a moment
 * behind never shows a draft or a withdrawn record), its own text columns, and the text of its outcomes,
 * artefacts and service areas for highlights. Building MikroORM entities for the same rows cost about 18 times
 * as much (docs/performance.md), so entities are built only when a query asks for more than these columns.
 */
export interface HitColumns {
  id: string;
  slug: string;
  title: string;
  summary: string;
  problem: string;
  whoItServes: string | null;
  whatIsNew: string;
  approach: string;
  themes: string[];
  stage: Stage;
  status: ExperimentStatus;
}

/** The GraphQL fields of Experiment that HitColumns answers (each a column of the same name). */
export const HIT_COLUMN_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id', 'slug', 'title', 'summary', 'problem', 'whoItServes', 'whatIsNew', 'approach', 'themes', 'stage', 'status']);

/** The text of a hit by field beyond the experiment's own columns: its outcomes, artefacts and service areas. */
export interface HitText {
  outcomeTitles?: string[];
  lessons?: string[];
  measures?: string[];
  artefactTitles?: string[];
  serviceAreaNames?: string[];
  /** Words inside uploaded artefact files. */
  documentText?: string[];
}

interface HitRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  problem: string;
  who_it_serves: string | null;
  what_is_new: string;
  approach: string;
  themes: unknown;
  stage: Stage;
  status: ExperimentStatus;
  withdrawn_at: unknown;
}


/** The searchable experiments among `ids` (published, not withdrawn), by id. */
export async function searchableColumns(em: EntityManager, ids: string[]): Promise<Map<string, HitColumns>> {
  if (ids.length === 0) return new Map();
  // By primary key only: with a status condition too, SQLite preferred the status index and scanned every
  // published experiment (measured: the API's overhead grew with the corpus).
  const rows = await selectIn<HitRow>(em, 'select id, slug, title, summary, problem, who_it_serves, what_is_new, approach, themes, stage, status, withdrawn_at from experiments where id in (%s)', ids);
  const visible = rows.filter((row) => row.status === ExperimentStatus.PUBLISHED && row.withdrawn_at == null);
  return new Map(
    visible.map((row) => [
      row.id,
      {
        id: row.id,
        slug: row.slug,
        title: row.title,
        summary: row.summary,
        problem: row.problem,
        whoItServes: row.who_it_serves,
        whatIsNew: row.what_is_new,
        approach: row.approach,
        themes: json<string[]>(row.themes),
        stage: row.stage,
        status: row.status,
      },
    ]),
  );
}

/** The text of the hits' outcomes, artefacts (their titles and the words inside their files) and service areas. */
export async function hitTexts(em: EntityManager, ids: string[]): Promise<Map<string, HitText>> {
  const [outcomes, artefacts, areas] = await Promise.all([outcomeTexts(em, ids), artefactTexts(em, ids), serviceAreasOf(em, ids)]);
  return new Map(
    ids.map((id) => {
      const ofOutcomes = outcomes.get(id) ?? [];
      const ofArtefacts = artefacts.get(id) ?? [];
      return [
        id,
        {
          outcomeTitles: ofOutcomes.map((outcome) => outcome.title),
          lessons: ofOutcomes.flatMap((outcome) => outcome.lessons),
          measures: ofOutcomes.flatMap((outcome) => outcome.measures),
          artefactTitles: ofArtefacts.map((artefact) => artefact.title),
          documentText: ofArtefacts.map((artefact) => artefact.documentText).filter((text): text is string => !!text),
          serviceAreaNames: (areas.get(id) ?? []).map((area) => area.name),
        },
      ];
    }),
  );
}
