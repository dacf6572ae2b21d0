import { ExperimentStatus } from '@synapse/domain';
import { DOCUMENT_SCHEMA, type ExperimentDocument, populationBand, stemmedFields } from '@synapse/search';
import type { EntityManager } from '../../db/orm.js';
import { dateNumber, reviewBaseOn } from '../freshness/freshness-rules.js';
import { documentVersion } from './document-version.js';
import { type DocumentSource, documentSources, type ExperimentRow, experimentPage, experimentRows, familyMembers } from './document-source.js';

function yearOf(date: string | null): number | null {
  return date ? Number(date.slice(0, 4)) : null;
}

function yearsRun(experiment: ExperimentRow): number[] {
  const start = yearOf(experiment.startDate);
  if (start === null) return [];
  const end = yearOf(experiment.endDate) ?? (experiment.publishedAt ?? new Date()).getUTCFullYear();
  const years: number[] = [];
  for (let year = start; year <= Math.max(start, end) && years.length < 50; year++) years.push(year);
  return years;
}

// Search highlights are marked with these control characters; user text must not be able to fake them.

function clean<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0002', '').replaceAll('\u0003', '') as T;
  if (Array.isArray(value)) return value.map(clean) as T;
  return value;
}

type Content = Omit<ExperimentDocument, 'stems'>;

/** An experiment's document without its stems, and the version (hash) of that content. */
function versionedContent(source: DocumentSource, familySize: number): Content {
  const { experiment } = source;
  const raw = { ...rawDocument(source), familyId: experiment.familyId ?? experiment.id, familySize, schema: DOCUMENT_SCHEMA };
  const content = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, clean(value)])) as Omit<Content, 'version'>;
  return { ...content, version: documentVersion(content) };
}

/** An experiment's search document, from what document-source.ts read. */
export function toDocument(source: DocumentSource, familySize = 1): ExperimentDocument {
  const content = versionedContent(source, familySize);
  return { ...content, stems: stemmedFields(content) };
}

function rawDocument({ experiment, lead, outcomes, artefacts, serviceAreas: areas, places, partners, registered }: DocumentSource): Omit<ExperimentDocument, 'familyId' | 'familySize' | 'schema' | 'stems' | 'version'> {
  const evidenceLevels = [...new Set(outcomes.map((o) => o.evidenceLevel))].sort();
  return {
    id: experiment.id,
    slug: experiment.slug,
    title: experiment.title,
    summary: experiment.summary,
    problem: experiment.problem,
    whatIsNew: experiment.whatIsNew,
    approach: experiment.approach,
    whoItServes: experiment.whoItServes ?? '',
    themes: experiment.themes,
    serviceAreas: areas.map((area) => area.slug),
    serviceAreaNames: areas.map((area) => area.name),
    stage: experiment.stage,
    verdicts: [...new Set(outcomes.map((o) => o.verdict))],
    outcomeTitles: outcomes.map((o) => o.title),
    measures: outcomes.flatMap((o) => o.measures),
    lessons: outcomes.flatMap((o) => o.lessons),
    evidenceLevels,
    maxEvidenceLevel: evidenceLevels.length ? Math.max(...evidenceLevels) : 0,
    artefactTitles: artefacts.map((a) => a.title),
    artefactTypes: [...new Set(artefacts.map((a) => a.type))],
    documentText: artefacts.map((a) => a.documentText).filter((text): text is string => !!text),
    leadName: lead.name,
    leadGssCode: lead.gssCode,
    nation: lead.nation,
    region: lead.region,
    organisationType: lead.councilType,
    ruralUrbanClass: lead.ruralUrbanClass,
    deprivationQuintile: lead.deprivationQuintile,
    populationBand: populationBand(lead.population),
    partners,
    places: places.map((p) => p.name),
    placeGssCodes: places.map((p) => p.gssCode).filter((code): code is string => !!code),
    years: yearsRun(experiment),
    startYear: yearOf(experiment.startDate),
    costBand: experiment.budgetBand,
    publishedAt: Math.floor((experiment.publishedAt ?? experiment.createdAt).getTime() / 1000),
    registered,
    reviewBase: dateNumber(reviewBaseOn(experiment)),
  };
}

/**
 * Which experiments search shows: published and not withdrawn. A withdrawn experiment stays readable at its
 * address, but it is no longer offered as evidence, so it leaves the index (and the database fallback, and family sizes).
 */
export const SEARCHABLE = { status: ExperimentStatus.PUBLISHED, withdrawnAt: null } as const;

export function isSearchable(experiment: { status: ExperimentStatus; withdrawnAt: unknown }): boolean {
  return experiment.status === ExperimentStatus.PUBLISHED && !experiment.withdrawnAt;
}

/** Published experiments per family, for the familySize of each document. */
async function familySizes(em: EntityManager, experiments: ExperimentRow[]): Promise<Map<string, number>> {
  const families = [...new Set(experiments.map((experiment) => experiment.familyId ?? experiment.id))];
  const sizes = new Map<string, number>();
  // Searchable is checked in code: with the status in the query, SQLite walked the status index over every
  // published experiment instead of the family index (136 ms a page at 100,000, against 0.1 ms).
  for (const member of await familyMembers(em, families)) {
    if (isSearchable({ status: member.status, withdrawnAt: member.withdrawn_at })) sizes.set(member.family_id, (sizes.get(member.family_id) ?? 0) + 1);
  }
  return sizes;
}

async function documentsOf(em: EntityManager, experiments: ExperimentRow[]): Promise<ExperimentDocument[]> {
  const sizes = await familySizes(em, experiments);
  return (await documentSources(em, experiments)).map((source) => toDocument(source, sizes.get(source.experiment.familyId ?? source.experiment.id) ?? 1));
}

/**
 * Documents for those of `ids` that are searchable (the others, drafts, archived, withdrawn or deleted, have
 * none), plus every searchable member of their families, whose familySize may have changed.
 */
export async function buildDocuments(em: EntityManager, ids: string[]): Promise<ExperimentDocument[]> {
  if (ids.length === 0) return [];
  const changed = await experimentRows(em, ids);
  const families = [...new Set(changed.map((experiment) => experiment.familyId ?? experiment.id))];
  return documentsOf(em, (await experimentRows(em, ids, families)).filter(isSearchable));
}

/** All searchable experiments, a page at a time in id order. */
async function* searchablePages(em: EntityManager, batchSize: number): AsyncGenerator<ExperimentRow[]> {
  let after: string | null = null;
  for (;;) {
    // In id order by the primary key alone, searchable checked in code: with the status in the query SQLite read
    // every published experiment through the status index and sorted them, for every page (148 ms a page at
    // 100,000, against 0.6 ms; a start-up reconciliation took minutes).
    const read = await experimentPage(em, after, batchSize);
    const last = read.at(-1);
    if (!last) return;
    const page = read.filter(isSearchable);
    if (page.length) yield page;
    after = last.id;
  }
}

/** All searchable experiments' documents, a batch at a time, for a full rebuild. */
export async function* allDocuments(em: EntityManager, batchSize = 500): AsyncGenerator<ExperimentDocument[]> {
  for await (const page of searchablePages(em, batchSize)) yield documentsOf(em, page);
}

/**
 * The id and content version of every searchable experiment's document, a batch at a time: what reconciliation
 * compares with the index. Builds each document's content but not its stems (derived from it by code).
 */
export async function* allVersions(em: EntityManager, batchSize = 500): AsyncGenerator<{ id: string; version: string }[]> {
  for await (const page of searchablePages(em, batchSize)) {
    const sizes = await familySizes(em, page);
    const sources = await documentSources(em, page);
    yield sources.map((source) => ({ id: source.experiment.id, version: versionedContent(source, sizes.get(source.experiment.familyId ?? source.experiment.id) ?? 1).version }));
  }
}
