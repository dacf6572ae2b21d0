import { ExperimentStatus, Licence, MemberRole, Verdict } from '@synapse/domain';
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { forkExperiment } from '../lineage/lineage.service.js';
import { EXPORT_FORMAT, publishedExperiments, toRecord } from '../open-data/open-data.service.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { Outcome } from '../outcome/outcome.entity.js';
import { importExperiments, readImportFile } from './import.service.js';

// Export → import into a fresh instance → export again gives the same public data; re-importing updates in place.
let source: Harness;
let target: Harness;

/** What GET /export/experiments.json sends (less the generation metadata), through JSON as on the wire. */
async function exportFile(h: Harness): Promise<{ format: string; version: number; experiments: Record<string, any>[] }> {
  const experiments: Record<string, unknown>[] = [];
  for await (const batch of publishedExperiments(h.em())) experiments.push(...batch.map(toRecord));
  return JSON.parse(JSON.stringify({ ...EXPORT_FORMAT, experiments }));
}

const COUNCILS = ['E08000001', 'E08000002', 'E08000003', 'E08000004'];

async function councils(h: Harness): Promise<Organisation[]> {
  const em = h.em();
  return Promise.all(COUNCILS.map((gssCode, n) => buildCouncil(em, { gssCode, slug: `round-trip-council-${n + 1}`, name: `Round Trip Council ${n + 1}` })));
}

async function fork(h: Harness, parent: Experiment, lead: Organisation, title: string): Promise<Experiment> {
  const editor = await buildMember(h.em(), lead, MemberRole.EDITOR);
  const forked = await forkExperiment(h.em(), editor, { experimentId: parent.id, adaptationNotes: `Adapted by ${lead.name}.`, title });
  const em = h.em();
  const stored = await em.findOneOrFail(Experiment, forked.id);
  // An adaptation starts with an empty write-up: its team writes its own before publishing.
  Object.assign(stored, { summary: `${title}, in ${lead.name}'s words.`, problem: `What ${lead.name} faced.`, approach: `What ${lead.name} changed.` });
  stored.status = ExperimentStatus.PUBLISHED;
  stored.publishedAt = new Date('2024-02-03T10:11:12.345Z');
  await em.flush();
  return stored;
}

beforeAll(async () => {
  [source, target] = await Promise.all([createHarness(), createHarness()]);
  const [first, second, third, fourth] = await councils(source);
  assert(first && second && third && fourth, 'four councils');
  await councils(target);
  const em = source.em();

  // A root with an odd slug, a non-default licence, a time of publication with seconds, outcomes and artefacts.
  const root = await buildExperiment(em, {
    lead: first,
    title: 'Compost bins for flats',
    outcomes: [{ verdict: Verdict.WORKED, evidenceLevel: 3 }, { verdict: Verdict.MIXED }],
    artefacts: 2,
  });
  Object.assign(root, { slug: 'bins-2019-edition', licence: Licence.CC_BY_4, publishedAt: new Date('2023-05-06T14:23:45.678Z'), themes: ['waste'] });
  const [, secondArtefact] = root.artefacts.getItems();
  assert(secondArtefact, 'the root has two artefacts');
  secondArtefact.licence = Licence.ALL_RIGHTS_RESERVED;
  await em.flush();

  // Forks three deep, the middle one archived; each carries the root's artefacts.
  const archived = await fork(source, root, second, 'Compost bins for terraces');
  const grandchild = await fork(source, archived, third, 'Compost bins for maisonettes');
  await fork(source, grandchild, fourth, 'Compost bins for bedsits');
  const archiving = source.em();
  (await archiving.findOneOrFail(Experiment, archived.id)).status = ExperimentStatus.ARCHIVED;
  await archiving.flush();

  // A record that came from an import itself (its own external id), and a draft that stays out of the export.
  const imported = await buildExperiment(em, { lead: second, title: 'Repair café pilot', outcomes: [{ verdict: Verdict.NO_EFFECT }] });
  Object.assign(imported, { externalId: 'cafe-17', slug: 'repair-cafe' });
  await buildExperiment(em, { lead: third, title: 'Unfinished draft', status: ExperimentStatus.DRAFT });
  await em.flush();
});

afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
});

describe('export and import round trip', () => {
  it('gives the same public data in a fresh instance, field by field', async () => {
    const first = await exportFile(source);
    expect(first.experiments.map((record) => record.title).sort()).toEqual(
      ['Compost bins for bedsits', 'Compost bins for flats', 'Compost bins for maisonettes', 'Repair café pilot'].sort(),
    );
    const report = await importExperiments(target.em(), readImportFile(first));
    expect(report.records.filter((record) => record.outcome === 'rejected')).toEqual([]);
    expect(report).toMatchObject({ created: 4, rejected: 0 });

    const second = await exportFile(target);
    expect(second.experiments).toHaveLength(first.experiments.length);
    for (const [index, record] of first.experiments.entries()) {
      for (const field of Object.keys(record)) {
        expect({ record: record.externalId, field, value: second.experiments[index]?.[field] }).toEqual({ record: record.externalId, field, value: record[field] });
      }
    }
    expect(second).toEqual(first);

    // What used to change: slugs, the time of publication, forks of an archived parent, licences, attribution.
    const byTitle = new Map(second.experiments.map((record) => [record.title, record]));
    expect(byTitle.get('Compost bins for flats')).toMatchObject({ slug: 'bins-2019-edition', publishedAt: '2023-05-06T14:23:45.678Z', licence: 'CC_BY_4' });
    expect(byTitle.get('Compost bins for maisonettes')!.forkOf).toEqual({ leadOrganisation: COUNCILS[0], externalId: byTitle.get('Compost bins for flats')!.externalId });
    const reused = await target.em().find(Artefact, { experiment: { title: 'Compost bins for bedsits' } }, { populate: ['sourceArtefact', 'sourceArtefact.experiment'] });
    expect(reused).toHaveLength(2);
    for (const artefact of reused) expect(artefact.sourceArtefact?.getEntity().experiment.getEntity().title).toBe('Compost bins for flats');
  });

  it('updates outcomes and artefacts in place when the same export is imported again', async () => {
    const file = await exportFile(source);
    const ids = async () => ({
      outcomes: (await target.em().find(Outcome, {}, { orderBy: { id: 'asc' } })).map((outcome) => outcome.id),
      artefacts: (await target.em().find(Artefact, {}, { orderBy: { id: 'asc' } })).map((artefact) => artefact.id),
    });
    const before = await ids();
    expect(before.outcomes.length).toBeGreaterThan(0);
    expect(before.artefacts.length).toBeGreaterThan(0);

    const edited = structuredClone(file);
    const root = edited.experiments.find((record) => record.title === 'Compost bins for flats')!;
    root.outcomes[0].title = 'Bins filled twice as fast';
    const report = await importExperiments(target.em(), readImportFile(edited));
    expect(report).toMatchObject({ created: 0, updated: 4, rejected: 0 });

    expect(await ids()).toEqual(before);
    expect((await target.em().findOneOrFail(Outcome, { id: { $in: before.outcomes }, title: 'Bins filled twice as fast' })).title).toBe('Bins filled twice as fast');
    // Forks keep their attribution through the re-import.
    const reused = await target.em().find(Artefact, { experiment: { title: 'Compost bins for bedsits' } });
    expect(reused.every((artefact) => artefact.sourceArtefact !== null)).toBe(true);
  });
});
