import type { Connection, Transaction } from '@mikro-orm/core';
import type { Dialect } from '../../db/orm.js';

/**
 * The text the degraded search looks in: one `experiment_search_text` row per experiment (title, and a body
 * gathering the same text the Meilisearch document holds: summary, problem, what is new, approach, who it
 * serves, themes, service areas, outcome titles and lessons, artefact titles and the words inside uploaded
 * artefact files, partners, places, lead council).
 * On SQLite an FTS5 table indexes it (kept in step by triggers); on PostgreSQL a generated, GIN-indexed
 * `tsvector` column does. Tables without entities: the migrations create them (raw SQL), `ormOptions` tells
 * the schema diff to leave them alone, and `SearchTextSubscriber` refreshes rows in the writing transaction.
 */
export const SEARCH_TEXT_TABLES = ['experiment_search_text', /^experiment_search_fts/];

const SQLITE_BODY = `concat_ws(' ', e.summary, e.problem, e.what_is_new, e.approach, e.who_it_serves,
  (select group_concat(value, ' ') from json_each(e.themes)),
  (select group_concat(sa.name, ' ') from experiment_service_areas esa join service_areas sa on sa.slug = esa.service_area_slug where esa.experiment_id = e.id),
  (select group_concat(concat_ws(' ', o.title, o.what_worked, o.what_did_not_work, o.conditions_for_success), ' ') from outcomes o where o.experiment_id = e.id),
  (select group_concat(concat_ws(' ', a.title, a.document_text), ' ') from artefacts a where a.experiment_id = e.id),
  (select group_concat(p.name, ' ') from experiment_partners p where p.experiment_id = e.id),
  (select group_concat(pl.name, ' ') from experiment_places ep join organisations pl on pl.id = ep.organisation_id where ep.experiment_id = e.id),
  lead.name)`;

const POSTGRES_BODY = `concat_ws(' ', e.summary, e.problem, e.what_is_new, e.approach, e.who_it_serves,
  (select string_agg(value, ' ') from jsonb_array_elements_text(e.themes) as value),
  (select string_agg(sa.name, ' ') from experiment_service_areas esa join service_areas sa on sa.slug = esa.service_area_slug where esa.experiment_id = e.id),
  (select string_agg(concat_ws(' ', o.title, o.what_worked, o.what_did_not_work, o.conditions_for_success), ' ') from outcomes o where o.experiment_id = e.id),
  (select string_agg(concat_ws(' ', a.title, a.document_text), ' ') from artefacts a where a.experiment_id = e.id),
  (select string_agg(p.name, ' ') from experiment_partners p where p.experiment_id = e.id),
  (select string_agg(pl.name, ' ') from experiment_places ep join organisations pl on pl.id = ep.organisation_id where ep.experiment_id = e.id),
  lead.name)`;

/** `insert … select` of the search text of the experiments matching `where` (a condition on `e`). */
export function searchTextInsert(dialect: Dialect, where: string): string {
  const body = dialect === 'postgresql' ? POSTGRES_BODY : SQLITE_BODY;
  return `insert into experiment_search_text (experiment_id, title, body)
    select e.id, e.title, ${body} from experiments e join organisations lead on lead.id = e.lead_organisation_id where ${where}`;
}

/** Rewrites the search text of some experiments (deleted ones simply lose theirs), in the given transaction. */
export async function refreshSearchText(connection: Connection, dialect: Dialect, ids: string[], ctx?: Transaction): Promise<void> {
  for (let start = 0; start < ids.length; start += 500) {
    const batch = ids.slice(start, start + 500);
    const placeholders = batch.map(() => '?').join(', ');
    await connection.execute(`delete from experiment_search_text where experiment_id in (${placeholders})`, batch, 'run', ctx);
    await connection.execute(searchTextInsert(dialect, `e.id in (${placeholders})`), batch, 'run', ctx);
  }
}

/** Rewrites the search text of the experiments an organisation leads, runs in or partners (its name is in it). */
export async function refreshOrganisationSearchText(connection: Connection, dialect: Dialect, organisationIds: string[], ctx?: Transaction): Promise<void> {
  if (organisationIds.length === 0) return;
  const marks = organisationIds.map(() => '?').join(', ');
  const rows: { id: string }[] = await connection.execute(
    `select e.id from experiments e where e.lead_organisation_id in (${marks})
       or exists (select 1 from experiment_places ep where ep.experiment_id = e.id and ep.organisation_id in (${marks}))
       or exists (select 1 from experiment_partners p where p.experiment_id = e.id and p.organisation_id in (${marks}))`,
    [...organisationIds, ...organisationIds, ...organisationIds],
    'all',
    ctx,
  );
  await refreshSearchText(connection, dialect, rows.map((row) => row.id), ctx);
}

/** Rebuilds every experiment's search text (the `reindex` command, and a repair after a bulk SQL change). */
export async function rebuildSearchText(connection: Connection, dialect: Dialect, ctx?: Transaction): Promise<void> {
  await connection.execute('delete from experiment_search_text', [], 'run', ctx);
  await connection.execute(searchTextInsert(dialect, '1 = 1'), [], 'run', ctx);
}
