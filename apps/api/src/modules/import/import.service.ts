import { applyImportedFreshness } from '../freshness/import-freshness.js';
import { ref } from '@mikro-orm/core';
import { ExperimentStatus } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { BadInputError, DomainError, type FieldProblem } from '../../errors.js';
import { validateInput } from '../../validation.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { applyExperimentFields, experimentSlug, recordStage } from '../experiment/experiment.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { syncArtefacts, syncOutcomes, timestamp } from './import-children.js';
import { IMPORT_FORMAT, type ImportExperimentRecord, READABLE_FORMAT_VERSIONS, toImportRecord } from './import.inputs.js';

export interface RecordResult {
  index: number;
  externalId: string | null;
  outcome: 'created' | 'updated' | 'rejected';
  experimentId?: string;
  problems?: FieldProblem[];
}

export interface ImportReport {
  created: number;
  updated: number;
  rejected: number;
  records: RecordResult[];
}

/** Checks the file envelope and returns its records; a wrong envelope rejects the whole file. */
export function readImportFile(json: unknown): unknown[] {
  const file = json as { format?: unknown; version?: unknown; experiments?: unknown } | null;
  if (!file || typeof file !== 'object' || file.format !== IMPORT_FORMAT) {
    throw BadInputError.field('format', `the file must say "format": "${IMPORT_FORMAT}"`);
  }
  if (!READABLE_FORMAT_VERSIONS.includes(file.version as number)) {
    throw BadInputError.field('version', `this version of Synapse reads versions ${READABLE_FORMAT_VERSIONS.join(' and ')}`);
  }
  if (!Array.isArray(file.experiments)) throw BadInputError.field('experiments', 'must be a list of experiments');
  return file.experiments;
}

async function findByKey(em: EntityManager, key: string): Promise<Organisation | null> {
  return em.findOne(Organisation, { $or: [{ gssCode: key }, { slug: key }] });
}

/** A new experiment's slug: the file's when it is free (so links survive a move), else one from the title. */
async function slugFor(em: EntityManager, record: ImportExperimentRecord): Promise<string> {
  if (record.slug && (await em.count(Experiment, { slug: record.slug })) === 0) return record.slug;
  return experimentSlug(em, record.title);
}

async function importOne(em: EntityManager, record: ImportExperimentRecord): Promise<{ experiment: Experiment; created: boolean }> {
  return em.transactional(async (tem) => {
    const lead = await findByKey(tem, record.leadOrganisation);
    if (!lead) throw BadInputError.field('leadOrganisation', `no organisation has GSS code or slug ${record.leadOrganisation}`);

    let parent: Experiment | null = null;
    if (record.forkOf) {
      const parentLead = await findByKey(tem, record.forkOf.leadOrganisation);
      parent = parentLead ? await tem.findOne(Experiment, { leadOrganisation: parentLead, externalId: record.forkOf.externalId }) : null;
      if (!parent) throw BadInputError.field('forkOf', 'the experiment it adapts must be imported first (earlier in the file or before)');
    }

    const stored: Experiment | null = await tem.findOne(
      Experiment,
      { leadOrganisation: lead, externalId: record.externalId },
      { populate: ['stageHistory', 'outcomes', 'artefacts'] },
    );
    const created = stored === null;
    const experiment = stored ?? new Experiment();
    if (created) {
      experiment.externalId = record.externalId;
      experiment.leadOrganisation = tem.getReference(Organisation, lead.id, { wrapped: true });
      experiment.slug = await slugFor(tem, record);
      experiment.familyId = experiment.id;
      tem.persist(experiment);
    } else {
      // Re-running an import updates the record in place: same id and slug, outcomes and artefacts matched by
      // their keys (same ids), a fresh stage history.
      experiment.stageHistory.removeAll();
    }

    experiment.forkParent = parent ? ref(parent) : null;
    experiment.familyId = parent ? (parent.familyId ?? parent.id) : experiment.id;
    experiment.adaptationNotes = record.adaptationNotes?.trim() || null;

    const history = [...(record.stageHistory ?? [])].sort((a, b) => a.changedOn.localeCompare(b.changedOn));
    // Creation times a millisecond apart keep the file's order for entries that would otherwise tie.
    const base = Date.now();
    history.forEach((entry, index) => {
      recordStage(experiment, entry.stage, entry.changedOn, entry.note?.trim() || null);
      experiment.stageHistory.getItems().at(-1)!.createdAt = new Date(base + index);
    });
    await applyExperimentFields(tem, experiment, history.length ? { ...record, stage: undefined } : record, created);
    syncOutcomes(experiment, record.outcomes ?? [], base);
    await syncArtefacts(tem, experiment, record.artefacts ?? [], base);

    const status = record.status ?? ExperimentStatus.DRAFT;
    experiment.status = status;
    const publishedAt = record.publishedAt ? new Date(record.publishedAt) : record.publishedOn ? new Date(`${record.publishedOn}T09:00:00Z`) : null;
    experiment.publishedAt = status === ExperimentStatus.PUBLISHED ? (publishedAt ?? experiment.publishedAt ?? new Date()) : null;
    if (created) experiment.createdAt = timestamp(record.createdAt, publishedAt ?? experiment.createdAt);
    experiment.updatedAt = timestamp(record.updatedAt, created ? experiment.createdAt : new Date());
    await applyImportedFreshness(tem, experiment, record);
    return { experiment, created };
  });
}

function problemsOf(error: unknown): FieldProblem[] {
  // The shared field rules speak of the GraphQL argument ("input.endDate"); in a file the record is the root.
  if (error instanceof BadInputError) return error.problems.map((p) => ({ ...p, field: p.field.replace(/^input\./, '') }));
  if (error instanceof DomainError) return [{ field: '', reason: error.message }];
  throw error;
}

/**
 * Imports experiments (with outcomes and artefacts). Each record is validated and written whole or not at all;
 * records are matched on (lead organisation, externalId), so running the same file again updates in place.
 */
export async function importExperiments(
  em: EntityManager,
  plainRecords: unknown[],
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, rejected: 0, records: [] };
  for (const [index, plain] of plainRecords.entries()) {
    const externalId = typeof (plain as { externalId?: unknown })?.externalId === 'string' ? (plain as { externalId: string }).externalId : null;
    try {
      if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
        throw BadInputError.field('', 'each record must be a JSON object');
      }
      const record = toImportRecord(plain);
      await validateInput(record, '', { forbidUnknown: true });
      const { experiment, created } = await importOne(em.fork(), record);
      report[created ? 'created' : 'updated']++;
      report.records.push({ index, externalId, outcome: created ? 'created' : 'updated', experimentId: experiment.id });
    } catch (error) {
      report.rejected++;
      report.records.push({ index, externalId, outcome: 'rejected', problems: problemsOf(error) });
    }
    onProgress(index + 1, plainRecords.length);
  }
  return report;
}
