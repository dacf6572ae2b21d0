import type { ExperimentStatus } from '@synapse/domain';
import type { ExperimentDocument } from '@synapse/search';
import type { EntityManager } from '../../db/orm.js';
import { date, grouped, json, selectIn, selectRows } from '../../db/rows.js';

/**
 * What a search document is built from, read in plain SQL: a page of experiments and their relations in one
 * query per table. Building MikroORM entities for the same rows (eight collections and a getter and setter per
 * property on every instance) was most of an index build's time and of the API's memory at start-up
 * (docs/performance.md), and nothing here is changed or flushed, so there is nothing for the ORM to track.
 * The statements run through `selectRows` (db/rows.ts): in the EntityManager's transaction when it has one, and on
 * SQLite as reused prepared statements.
 */
/** An experiment's columns: the document's own text fields as they are, and what the rest is derived from. */
export interface ExperimentRow extends Pick<ExperimentDocument, 'id' | 'slug' | 'title' | 'summary' | 'problem' | 'whatIsNew' | 'approach' | 'themes' | 'stage'> {
  whoItServes: string | null;
  startDate: string | null;
  endDate: string | null;
  budgetBand: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  contentChangedAt: Date | null;
  lastReviewedOn: string | null;
  familyId: string | null;
  status: ExperimentStatus;
  withdrawnAt: Date | null;
  leadOrganisationId: string;
}

export interface OrganisationFacts {
  name: string;
  gssCode: string | null;
  nation: string | null;
  region: string | null;
  councilType: string | null;
  ruralUrbanClass: string | null;
  deprivationQuintile: number | null;
  population: number | null;
}

export interface OutcomeText {
  title: string;
  verdict: string;
  evidenceLevel: number;
  measures: string[];
  /** What worked, what did not and the conditions for success, those given. */
  lessons: string[];
}

export interface ArtefactText {
  title: string;
  type: string;
  /** Words extracted from its uploaded file. */
  documentText: string | null;
}

export interface DocumentSource {
  experiment: ExperimentRow;
  lead: OrganisationFacts;
  /** In the order service areas are listed everywhere (their position). */
  serviceAreas: { slug: string; name: string }[];
  places: { name: string; gssCode: string | null }[];
  partners: string[];
  outcomes: OutcomeText[];
  artefacts: ArtefactText[];
  registered: boolean;
}

/** The columns an ExperimentRow is read from (`experimentRow`). */
export const EXPERIMENT_COLUMNS = `id, slug, title, summary, problem, what_is_new, approach, who_it_serves, themes, stage, start_date, end_date,
  budget_band, published_at, created_at, content_changed_at, last_reviewed_on, family_id, status, withdrawn_at, lead_organisation_id`;

export function experimentRow(row: Record<string, unknown>): ExperimentRow {
  return {
    id: row.id as string,
    slug: row.slug as string,
    title: row.title as string,
    summary: row.summary as string,
    problem: row.problem as string,
    whatIsNew: row.what_is_new as string,
    approach: row.approach as string,
    whoItServes: row.who_it_serves as string | null,
    themes: json<string[]>(row.themes),
    stage: row.stage as string,
    startDate: row.start_date as string | null,
    endDate: row.end_date as string | null,
    budgetBand: row.budget_band as string | null,
    publishedAt: date(row.published_at),
    createdAt: date(row.created_at)!,
    contentChangedAt: date(row.content_changed_at),
    lastReviewedOn: row.last_reviewed_on as string | null,
    familyId: row.family_id as string | null,
    status: row.status as ExperimentStatus,
    withdrawnAt: date(row.withdrawn_at),
    leadOrganisationId: row.lead_organisation_id as string,
  };
}

/** The experiments with these ids (by primary key alone: see experimentPage). */
export async function experimentRows(em: EntityManager, ids: string[]): Promise<ExperimentRow[]> {
  return (await selectIn<Record<string, unknown>>(em, `select ${EXPERIMENT_COLUMNS} from experiments where id in (%s)`, ids)).map(experimentRow);
}

/** Every member of these fork families (the experiments whose family_id is one of them). */
export async function familyRows(em: EntityManager, families: string[]): Promise<ExperimentRow[]> {
  return (await selectIn<Record<string, unknown>>(em, `select ${EXPERIMENT_COLUMNS} from experiments where family_id in (%s)`, families)).map(experimentRow);
}

/** Up to `limit` experiments after the id `after`, in id order (by the primary key alone: see allDocuments). */
export async function experimentPage(em: EntityManager, after: string | null, limit: number): Promise<ExperimentRow[]> {
  const rows = await selectRows<Record<string, unknown>>(em, `select ${EXPERIMENT_COLUMNS} from experiments${after ? ' where id > ?' : ''} order by id limit ?`, after ? [after, limit] : [limit]);
  return rows.map(experimentRow);
}

/** Each family's members' status alone, to count the searchable ones (familySize). */
export async function familyMembers(em: EntityManager, families: string[]): Promise<Pick<ExperimentRow, 'familyId' | 'status' | 'withdrawnAt'>[]> {
  const rows = await selectIn<Record<string, unknown>>(em, 'select family_id, status, withdrawn_at from experiments where family_id in (%s)', families);
  return rows.map((row) => ({ familyId: row.family_id as string, status: row.status as ExperimentStatus, withdrawnAt: date(row.withdrawn_at) }));
}

/** The outcomes of some experiments, each with its text, by experiment id. */
export async function outcomeTexts(em: EntityManager, ids: string[]): Promise<Map<string, OutcomeText[]>> {
  const rows = await selectIn<Record<string, unknown>>(
    em,
    'select experiment_id, title, verdict, evidence_level, measures, what_worked, what_did_not_work, conditions_for_success from outcomes where experiment_id in (%s) order by created_at, id',
    ids,
  );
  return grouped(rows, (row) => ({
    title: row.title as string,
    verdict: row.verdict as string,
    evidenceLevel: Number(row.evidence_level),
    measures: json<{ name: string }[]>(row.measures).map((measure) => measure.name),
    lessons: [row.what_worked, row.what_did_not_work, row.conditions_for_success].filter((text): text is string => typeof text === 'string' && text !== ''),
  }));
}

/** The artefacts of some experiments, with the words of their files, by experiment id. */
export async function artefactTexts(em: EntityManager, ids: string[]): Promise<Map<string, ArtefactText[]>> {
  const rows = await selectIn<Record<string, unknown>>(em, 'select experiment_id, title, type, document_text from artefacts where experiment_id in (%s) order by created_at, id', ids);
  return grouped(rows, (row) => ({ title: row.title as string, type: row.type as string, documentText: row.document_text as string | null }));
}

/** The service areas of some experiments, in their listed order, by experiment id. */
export async function serviceAreasOf(em: EntityManager, ids: string[]): Promise<Map<string, { slug: string; name: string }[]>> {
  const rows = await selectIn<Record<string, unknown>>(
    em,
    'select esa.experiment_id, sa.slug, sa.name from experiment_service_areas esa join service_areas sa on sa.slug = esa.service_area_slug where esa.experiment_id in (%s) order by sa.position',
    ids,
  );
  return grouped(rows, (row) => ({ slug: row.slug as string, name: row.name as string }));
}

function organisationFacts(row: Record<string, unknown>): OrganisationFacts {
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    name: row.name as string,
    gssCode: row.gss_code as string | null,
    nation: row.nation as string | null,
    region: row.region as string | null,
    councilType: row.council_type as string | null,
    ruralUrbanClass: row.rural_urban_class as string | null,
    deprivationQuintile: number(row.deprivation_quintile),
    population: number(row.population),
  };
}

/** Everything the documents of these experiments are built from, in their order. */
export async function documentSources(em: EntityManager, experiments: ExperimentRow[]): Promise<DocumentSource[]> {
  const ids = experiments.map((experiment) => experiment.id);
  const leadIds = [...new Set(experiments.map((experiment) => experiment.leadOrganisationId))];
  // One statement per table; on PostgreSQL they run side by side on the pool's connections.
  const [leads, places, partners, registrations, outcomes, artefacts, areas] = await Promise.all([
    selectIn<Record<string, unknown>>(
      em,
      'select id, name, gss_code, nation, region, council_type, rural_urban_class, deprivation_quintile, population from organisations where id in (%s)',
      leadIds,
    ),
    selectIn<Record<string, unknown>>(em, 'select ep.experiment_id, o.name, o.gss_code from experiment_places ep join organisations o on o.id = ep.organisation_id where ep.experiment_id in (%s) order by o.name', ids),
    selectIn<Record<string, unknown>>(em, 'select experiment_id, name from experiment_partners where experiment_id in (%s) order by position', ids),
    selectIn<{ experiment_id: string }>(em, 'select experiment_id from measure_registrations where experiment_id in (%s)', ids),
    outcomeTexts(em, ids),
    artefactTexts(em, ids),
    serviceAreasOf(em, ids),
  ]);
  const leadById = new Map(leads.map((row) => [row.id as string, organisationFacts(row)]));
  const placesOf = grouped(places, (row) => ({ name: row.name as string, gssCode: row.gss_code as string | null }));
  const partnersOf = grouped(partners, (row) => row.name as string);
  const registered = new Set(registrations.map((row) => row.experiment_id));
  return experiments.map((experiment) => ({
    experiment,
    lead: leadById.get(experiment.leadOrganisationId)!,
    serviceAreas: areas.get(experiment.id) ?? [],
    places: placesOf.get(experiment.id) ?? [],
    partners: partnersOf.get(experiment.id) ?? [],
    outcomes: outcomes.get(experiment.id) ?? [],
    artefacts: artefacts.get(experiment.id) ?? [],
    registered: registered.has(experiment.id),
  }));
}
