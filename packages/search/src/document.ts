import { normalise } from './text.js';

/** Bump when the document's shape changes: on start, an index with older documents is rebuilt. */
export const DOCUMENT_SCHEMA = 6;

/** One published experiment as Meilisearch stores it: denormalised with everything people search and filter by. */
export interface ExperimentDocument {
  id: string;
  slug: string;
  title: string;
  summary: string;
  problem: string;
  whatIsNew: string;
  approach: string;
  whoItServes: string;
  themes: string[];
  serviceAreas: string[];
  serviceAreaNames: string[];
  stage: string;
  verdicts: string[];
  outcomeTitles: string[];
  measures: string[];
  lessons: string[];
  evidenceLevels: number[];
  /** The strongest evidence level among the outcomes; 0 when there is no outcome yet. */
  maxEvidenceLevel: number;
  artefactTitles: string[];
  artefactTypes: string[];
  /** Words extracted from uploaded artefact files (the latest version of each). */
  documentText: string[];
  leadName: string;
  leadGssCode: string | null;
  nation: string | null;
  region: string | null;
  organisationType: string | null;
  ruralUrbanClass: string | null;
  deprivationQuintile: number | null;
  populationBand: string | null;
  partners: string[];
  places: string[];
  placeGssCodes: string[];
  /** Every calendar year the experiment ran in (start to end, or to the year it was published). */
  years: number[];
  startYear: number | null;
  costBand: string | null;
  /** Unix seconds, for sorting by newest. */
  publishedAt: number;
  /** The fork family (the original's id), so a search can show one result per family. */
  familyId: string;
  /** How many published experiments the family has: "tried in N places". */
  familySize: number;
  /** Measures were registered before results (a badge, and a filter). */
  registered: boolean;
  /** The date the review cycle counts from, as YYYYMMDD: searches can leave out records overdue for review. */
  reviewBase: number;
  /** DOCUMENT_SCHEMA when the document was built. */
  schema: number;
  /**
   * A hash of everything above (the content the database gives): reconciliation compares it with the database's
   * without reading whole documents back. The stems are left out, being derived from that content by code.
   */
  version: string;
  /** The searchable text normalised as queries are (stop words dropped, stemmed): what a search matches. */
  stems: StemmedFields;
}

export interface StemmedFields {
  title: string;
  themes: string;
  summary: string;
  outcomes: string;
  body: string;
  lessons: string;
  /** The words inside uploaded artefact files. */
  documents: string;
  names: string;
}

/** The stemmed fields of a document, from its text fields (see text.ts: the same normalisation as queries). */
export function stemmedFields(d: Omit<ExperimentDocument, 'stems' | 'familyId' | 'familySize' | 'schema' | 'version'>): StemmedFields {
  const join = (...parts: (string | string[])[]) => normalise(parts.flat().join('\n'));
  return {
    title: join(d.title),
    themes: join(d.themes, d.serviceAreaNames),
    summary: join(d.summary),
    outcomes: join(d.outcomeTitles, d.measures),
    body: join(d.problem, d.whatIsNew, d.approach, d.whoItServes),
    lessons: join(d.lessons, d.artefactTitles),
    documents: join(d.documentText),
    names: join(d.leadName, d.places, d.partners),
  };
}

export const POPULATION_BANDS = [
  { band: 'UNDER_100K', below: 100_000 },
  { band: 'FROM_100K_TO_250K', below: 250_000 },
  { band: 'FROM_250K_TO_500K', below: 500_000 },
  { band: 'FROM_500K_TO_1M', below: 1_000_000 },
  { band: 'OVER_1M', below: Number.POSITIVE_INFINITY },
] as const;

export type PopulationBand = (typeof POPULATION_BANDS)[number]['band'];

export function populationBand(population: number | null | undefined): PopulationBand | null {
  if (population === null || population === undefined) return null;
  return POPULATION_BANDS.find(({ below }) => population < below)!.band;
}
