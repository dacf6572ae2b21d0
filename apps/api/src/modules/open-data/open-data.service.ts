import { ExperimentStatus, LICENCE_URLS } from '@synapse/domain';
import { REFERENCE_DATA_ATTRIBUTION } from '@synapse/reference-data';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '../../db/orm.js';
import type { Artefact } from '../artefact/artefact.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { IMPORT_FORMAT, IMPORT_FORMAT_VERSION } from '../import/import.inputs.js';
import { latestVerdict } from '../lineage/lineage.service.js';
import { exportFreshness } from '../freshness/import-freshness.js';

export const OPEN_DATA_LICENCE = {
  text: 'Open Government Licence v3.0, unless an experiment says otherwise; each artefact carries its own licence',
  url: LICENCE_URLS.OGL_3!,
};

export function exportMetadata(publicUrl: string) {
  return {
    licence: OPEN_DATA_LICENCE,
    attribution: `Synapse (${publicUrl}) and the organisations that published each experiment. ${REFERENCE_DATA_ATTRIBUTION}`,
    generatedAt: new Date().toISOString(),
  };
}

const POPULATE = [
  'leadOrganisation',
  'serviceAreas',
  'places',
  'partners',
  'partners.organisation',
  'stageHistory',
  'outcomes',
  'artefacts',
  'artefacts.owner',
  'artefacts.fileVersions',
  'artefacts.sourceArtefact',
  'artefacts.sourceArtefact.experiment',
  'artefacts.sourceArtefact.experiment.leadOrganisation',
  'registration',
] as const;

/** The key an exported experiment, outcome or artefact is known by in import files. */
function exportId(row: { id: string; externalId: string | null }): string {
  return row.externalId ?? `synapse-${row.id}`;
}

/**
 * What each exported fork is exported as adapting: its nearest *published* ancestor, as the public lineage shows
 * it (an archived or draft parent is not open data, and a fork that named it could not be imported).
 */
const exportedParent = new WeakMap<Experiment, Experiment>();

const byCreation = <T extends { createdAt: Date; id: string; externalId: string | null }>(a: T, b: T) =>
  a.createdAt.getTime() - b.createdAt.getTime() || exportId(a).localeCompare(exportId(b));

const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

function organisationKey(organisation: { gssCode: string | null; slug: string }): string {
  return organisation.gssCode ?? organisation.slug;
}

const dateOnly = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** One published experiment as an import record (docs/import-format.md): exports load straight back in. */
export function toRecord(experiment: Experiment): Record<string, unknown> {
  const parent = exportedParent.get(experiment);
  const lead = experiment.leadOrganisation.getEntity();
  return {
    externalId: exportId(experiment),
    leadOrganisation: organisationKey(lead),
    slug: experiment.slug,
    status: ExperimentStatus.PUBLISHED,
    publishedOn: dateOnly(experiment.publishedAt),
    publishedAt: isoOrNull(experiment.publishedAt),
    createdAt: experiment.createdAt.toISOString(),
    updatedAt: experiment.updatedAt.toISOString(),
    ...(parent ? { forkOf: { leadOrganisation: organisationKey(parent.leadOrganisation.getEntity()), externalId: exportId(parent) } } : {}),
    ...(experiment.forkParent ? { adaptationNotes: experiment.adaptationNotes } : {}),
    title: experiment.title,
    summary: experiment.summary,
    problem: experiment.problem,
    whoItServes: experiment.whoItServes,
    whatIsNew: experiment.whatIsNew,
    approach: experiment.approach,
    serviceAreas: [...experiment.serviceAreas.getItems()].sort((a, b) => a.position - b.position).map((area) => area.slug),
    themes: experiment.themes,
    startDate: experiment.startDate,
    endDate: experiment.endDate,
    budgetBand: experiment.budgetBand,
    actualCost: experiment.actualCost,
    fundingSource: experiment.fundingSource,
    // Contact names and email addresses are left out: open data carries no personal data.
    contactRole: experiment.contactRole,
    licence: experiment.licence,
    lastReviewedOn: experiment.lastReviewedOn,
    ...exportFreshness(experiment),
    placeGssCodes: experiment.places.getItems().map((place) => place.gssCode).filter(Boolean).sort(),
    partners: [...experiment.partners.getItems()]
      .sort((a, b) => a.position - b.position)
      .map((p) => ({ name: p.name, role: p.role, organisationSlug: p.organisation?.getEntity().slug ?? null, contribution: p.contribution })),
    stageHistory: [...experiment.stageHistory.getItems()]
      .sort((a, b) => a.changedOn.localeCompare(b.changedOn) || a.createdAt.getTime() - b.createdAt.getTime())
      .map((change) => ({ stage: change.stage, changedOn: change.changedOn, note: change.note })),
    outcomes: [...experiment.outcomes.getItems()].sort(byCreation).map((o) => ({
      externalId: exportId(o),
      createdAt: o.createdAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
      title: o.title,
      verdict: o.verdict,
      evaluationDesign: o.evaluationDesign,
      evidenceLevel: o.evidenceLevel,
      measures: o.measures,
      independentEvaluation: o.independentEvaluation,
      evaluatedBy: o.evaluatedBy,
      costPerParticipant: o.costPerParticipant,
      annualSavings: o.annualSavings,
      whatWorked: o.whatWorked,
      whatDidNotWork: o.whatDidNotWork,
      conditionsForSuccess: o.conditionsForSuccess,
      reportedOn: o.reportedOn,
    })),
    artefacts: [...experiment.artefacts.getItems()].sort(byCreation).map((a) => ({
      externalId: exportId(a),
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
      sourceArtefact: sourceKey(a),
      type: a.type,
      title: a.title,
      description: a.description,
      licence: a.licence,
      format: a.format,
      documentVersion: a.documentVersion,
      url: a.url,
      // An uploaded file: its stable address is `url`, its latest version's content hash this.
      sha256: [...a.fileVersions.getItems()].sort((x, y) => y.number - x.number)[0]?.sha256 ?? null,
      lastReviewedOn: a.lastReviewedOn,
      owner: a.owner.getEntity().slug,
    })),
  };
}

/** Where a fork's artefact came from, when that artefact is itself open data (its experiment is published). */
function sourceKey(artefact: Artefact): Record<string, string> | null {
  const source = artefact.sourceArtefact?.unwrap();
  const experiment = source?.experiment.unwrap();
  if (!source || !experiment || experiment.status !== ExperimentStatus.PUBLISHED) return null;
  return { leadOrganisation: organisationKey(experiment.leadOrganisation.getEntity()), experimentExternalId: exportId(experiment), externalId: exportId(source) };
}

/**
 * Every published experiment (optionally of one lead organisation), parents before their forks so that an
 * export imports in one pass, in batches so memory stays flat whatever the size.
 */
export async function* publishedExperiments(em: EntityManager, organisationId?: string, batchSize = 200): AsyncGenerator<Experiment[]> {
  const where: FilterQuery<Experiment> = organisationId
    ? { status: ExperimentStatus.PUBLISHED, leadOrganisation: organisationId }
    : { status: ExperimentStatus.PUBLISHED };
  const rows = await em.find(Experiment, where, { fields: ['id', 'forkParent', 'externalId'], orderBy: { id: 'asc' } });
  // Every experiment's parent and status, to find each fork's nearest published ancestor.
  const all = await em.find(Experiment, {}, { fields: ['id', 'forkParent', 'status'] });
  const parentOf = new Map(all.map((row) => [row.id, row.forkParent?.id ?? null]));
  const published = new Set(all.filter((row) => row.status === ExperimentStatus.PUBLISHED).map((row) => row.id));
  const publishedAncestor = (id: string): string | null => {
    let parent = parentOf.get(id) ?? null;
    for (let d = 0; parent && !published.has(parent) && d < 100; d++) parent = parentOf.get(parent) ?? null;
    return parent && published.has(parent) ? parent : null;
  };
  const depth = (id: string): number => {
    let d = 0;
    for (let parent = publishedAncestor(id); parent && d < 100; parent = publishedAncestor(parent)) d++;
    return d;
  };
  // By generation, then by the exported key: the same content exports in the same order on any installation.
  const ordered = rows
    .map((row) => ({ id: row.id, depth: depth(row.id), key: exportId(row) }))
    .sort((a, b) => a.depth - b.depth || a.key.localeCompare(b.key));
  em.clear();
  for (let start = 0; start < ordered.length; start += batchSize) {
    const ids = ordered.slice(start, start + batchSize).map((row) => row.id);
    const batch = await em.find(Experiment, { id: { $in: ids } }, { populate: POPULATE });
    const parentIds = [...new Set(ids.map(publishedAncestor).filter((id): id is string => id !== null))];
    const parents = new Map(
      (parentIds.length ? await em.find(Experiment, { id: { $in: parentIds } }, { populate: ['leadOrganisation'] }) : []).map((parent) => [parent.id, parent]),
    );
    for (const experiment of batch) {
      const parent = parents.get(publishedAncestor(experiment.id) ?? '');
      if (parent) exportedParent.set(experiment, parent);
    }
    const byId = new Map(batch.map((experiment) => [experiment.id, experiment]));
    yield ids.map((id) => byId.get(id)!).filter(Boolean);
    em.clear();
  }
}

/** A flat row per experiment for the CSV export. */
export function experimentRow(experiment: Experiment, publicUrl: string): Record<string, unknown> {
  const lead = experiment.leadOrganisation.getEntity();
  const levels = experiment.outcomes.getItems().map((o) => o.evidenceLevel);
  return {
    id: experiment.id,
    slug: experiment.slug,
    title: experiment.title,
    summary: experiment.summary,
    lead_organisation: lead.name,
    lead_gss_code: lead.gssCode,
    nation: lead.nation,
    region: lead.region,
    service_areas: experiment.serviceAreas.getItems().map((a) => a.slug).join(';'),
    themes: experiment.themes.join(';'),
    stage: experiment.stage,
    start_date: experiment.startDate,
    end_date: experiment.endDate,
    budget_band: experiment.budgetBand,
    actual_cost: experiment.actualCost,
    licence: experiment.licence,
    published_on: dateOnly(experiment.publishedAt),
    fork_of: (experiment.forkParent?.unwrap() as Experiment | undefined)?.slug ?? null,
    latest_verdict: latestVerdict(experiment),
    strongest_evidence_level: levels.length ? Math.max(...levels) : null,
    url: `${publicUrl}/experiments/${experiment.slug}`,
  };
}

export const EXPORT_FORMAT = { format: IMPORT_FORMAT, version: IMPORT_FORMAT_VERSION };
