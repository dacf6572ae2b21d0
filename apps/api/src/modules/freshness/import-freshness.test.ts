import { afterAll, assert, beforeAll, expect, it } from 'vitest';
import { buildCouncil } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { importExperiments } from '../import/import.service.js';
import { MeasureRegistration } from './measure-registration.entity.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

it('imports the last substantive change and a registration; a re-import keeps the registration frozen', async () => {
  const council = await buildCouncil(h.em());
  const record = (registeredOn: string, target: number) => ({
    externalId: 'registered-pilot',
    leadOrganisation: council.gssCode,
    status: 'PUBLISHED',
    publishedOn: '2025-01-10',
    lastUpdatedOn: '2025-09-01',
    title: 'Registered pilot',
    summary: 'A pilot that said what it would measure.',
    problem: 'A problem.',
    approach: 'An approach.',
    serviceAreas: ['public-health'],
    registration: {
      registeredOn,
      evaluationDesign: 'BEFORE_AFTER',
      targetEvidenceLevel: target,
      measures: [{ name: 'People reached', baseline: 0, unit: 'people', goodDirection: 'UP' }],
    },
  });
  const first = await importExperiments(h.em(), [record('2025-01-02', 2)]);
  expect(first).toMatchObject({ created: 1, rejected: 0 });
  const id = first.records[0]?.experimentId;
  assert(id, 'the import created the experiment');
  expect((await h.em().findOneOrFail(Experiment, id)).contentChangedAt?.toISOString()).toBe('2025-09-01T09:00:00.000Z');

  const again = await importExperiments(h.em(), [record('2025-03-01', 4)]);
  expect(again).toMatchObject({ updated: 1, rejected: 0 });
  const registration = await h.em().findOneOrFail(MeasureRegistration, { experiment: id });
  expect(registration).toMatchObject({ targetEvidenceLevel: 2, registeredAt: new Date('2025-01-02T09:00:00Z') });

  const bad = await importExperiments(h.em(), [{ ...record('2025-02-30', 9), externalId: 'bad' }]);
  expect(bad.rejected).toBe(1);
  expect(bad.records[0]?.problems?.map((problem) => problem.field).sort()).toEqual(['registration.registeredOn', 'registration.targetEvidenceLevel']);
});
