import { ExperimentStatus } from '@synapse/domain';
import { DOCUMENT_SCHEMA, type ExperimentDocument, populationBand, stemmedFields } from '@synapse/search';
import type { EntityManager } from '../../db/orm.js';
import { dateNumber, isStanding, reviewBaseOn } from '../freshness/freshness-rules.js';
import { documentVersion } from './document-version.js';
import { type DocumentSource, documentSources, type ExperimentRow, experimentPage, experimentRows, familyMembers, familyRows } from './document-source.js';

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
  // Tested first: a copy of every text of every document was most of what a reconciliation allocated.
  if (typeof value === 'string') return (value.includes('\u0002') || value.includes('\u0003') ? value.replaceAll('\u0002', '').replaceAll('\u0003', '') : value) as T;
  if (Array.isArray(value)) return value.map(clean) as T;
  return value;
}

type Content = Omit<ExperimentDocument, 'stems'>;

/** An experiment's document without its stems, and the version (hash) of that content. */
function versionedContent(source: DocumentSource, familySize: number): Content {
  // Built once and cleaned in place: a reconciliation computes this for every experiment, and copies per key
  // were a large share of what it allocated (a heap profile of the start-up at 100,000).
  const content: Record<string, unknown> = rawDocument(source);
  Object.assign(content, { familyId: familyOf(source.experiment), familySize, schema: DOCUMENT_SCHEMA });
  for (const key of Object.keys(content)) content[key] = clean(content[key]);
  content.version = documentVersion(content);
  return content as Content;
}

/** An experiment's search document, from what document-source.ts read. */
export function toDocument(source: DocumentSource, familySize = 1): ExperimentDocument {
  const content = versionedContent(source, familySize);
  return { ...content, stems: stemmedFields(content) };
}

/** The text fields a document (and a search hit's highlights) take from an experiment's outcomes, artefacts and service areas. */
export type RelatedText = Pick<ExperimentDocument, 'serviceAreaNames' | 'outcomeTitles' | 'measures' | 'lessons' | 'artefactTitles' | 'documentText'>;

export function relatedText({ outcomes, artefacts, serviceAreas }: Pick<DocumentSource, 'outcomes' | 'artefacts' | 'serviceAreas'>): RelatedText {
  return {
    serviceAreaNames: serviceAreas.map((area) => area.name),
    outcomeTitles: outcomes.map((o) => o.title),
    measures: outcomes.flatMap((o) => o.measures),
    lessons: outcomes.flatMap((o) => o.lessons),
    artefactTitles: artefacts.map((a) => a.title),
    documentText: artefacts.map((a) => a.documentText).filter((text): text is string => !!text),
  };
}

function rawDocument(source: DocumentSource): Omit<ExperimentDocument, 'familyId' | 'familySize' | 'schema' | 'stems' | 'version'> {
  const { experiment, lead, outcomes, artefacts, serviceAreas: areas, places, partners, registered } = source;
  const text = relatedText(source);
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
    serviceAreaNames: text.serviceAreaNames,
    stage: experiment.stage,
    verdicts: [...new Set(outcomes.map((o) => o.verdict))],
    outcomeTitles: text.outcomeTitles,
    measures: text.measures,
    lessons: text.lessons,
    evidenceLevels,
    maxEvidenceLevel: evidenceLevels.length ? Math.max(...evidenceLevels) : 0,
    artefactTitles: text.artefactTitles,
    artefactTypes: [...new Set(artefacts.map((a) => a.type))],
    documentText: text.documentText,
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

export const isSearchable = isStanding;

/** The fork family an experiment belongs to: an original is its own. */
function familyOf(experiment: Pick<ExperimentRow, 'id' | 'familyId'>): string {
  return experiment.familyId ?? experiment.id;
}

/** How many searchable members each family has, from its members' rows. */
function countSearchable(members: Pick<ExperimentRow, 'familyId' | 'status' | 'withdrawnAt'>[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const member of members.filter(isSearchable)) sizes.set(member.familyId!, (sizes.get(member.familyId!) ?? 0) + 1);
  return sizes;
}

/** Published experiments per family, for the familySize of each document. */
async function familySizes(em: EntityManager, experiments: ExperimentRow[]): Promise<Map<string, number>> {
  // Searchable is checked in code: with the status in the query, SQLite walked the status index over every
  // published experiment instead of the family index (136 ms a page at 100,000, against 0.1 ms).
  return countSearchable(await familyMembers(em, [...new Set(experiments.map(familyOf))]));
}

/** Each experiment's document source with its family's size. */
async function withSizes(em: EntityManager, experiments: ExperimentRow[], known?: Map<string, number>): Promise<{ source: DocumentSource; familySize: number }[]> {
  const [sizes, sources] = await Promise.all([known ?? familySizes(em, experiments), documentSources(em, experiments)]);
  return sources.map((source) => ({ source, familySize: sizes.get(familyOf(source.experiment)) ?? 1 }));
}

async function documentsOf(em: EntityManager, experiments: ExperimentRow[], sizes?: Map<string, number>): Promise<ExperimentDocument[]> {
  return (await withSizes(em, experiments, sizes)).map(({ source, familySize }) => toDocument(source, familySize));
}

/**
 * Documents for those of `ids` that are searchable (the others, drafts, archived, withdrawn or deleted, have
 * none), plus every searchable member of their families, whose familySize may have changed.
 */
export async function buildDocuments(em: EntityManager, ids: string[]): Promise<ExperimentDocument[]> {
  if (ids.length === 0) return [];
  const changed = await experimentRows(em, ids);
  // The families' rows give both the members to rebuild and the families' sizes.
  const members = await familyRows(em, [...new Set(changed.map(familyOf))]);
  const experiments = new Map([...changed, ...members].map((experiment) => [experiment.id, experiment]));
  return documentsOf(em, [...experiments.values()].filter(isSearchable), countSearchable(members));
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
    yield (await withSizes(em, page)).map(({ source, familySize }) => ({ id: source.experiment.id, version: versionedContent(source, familySize).version }));
  }
}
