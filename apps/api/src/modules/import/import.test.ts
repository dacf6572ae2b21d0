import { ExperimentStatus, Stage } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { BadInputError } from '../../errors.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { Outcome } from '../outcome/outcome.entity.js';
import { importExperiments, readImportFile } from './import.service.js';

let h: Harness;
let council: Organisation;
let place: Organisation;
beforeAll(async () => {
  h = await createHarness();
  council = await buildCouncil(h.em());
  place = await buildCouncil(h.em());
});
afterAll(async () => {
  await h.close();
});

function record(overrides: Record<string, unknown> = {}) {
  return {
    externalId: 'case-study-17',
    leadOrganisation: council.gssCode,
    status: 'PUBLISHED',
    publishedOn: '2022-06-01',
    title: 'Community connectors in GP surgeries',
    summary: 'Link workers helped people with non-medical needs.',
    problem: 'Surgeries saw people whose needs were not medical.',
    approach: 'Placed connectors in three surgeries.',
    serviceAreas: ['public-health', 'adult-social-care'],
    themes: ['prevention'],
    placeGssCodes: [place.gssCode],
    stageHistory: [
      { stage: 'PILOT', changedOn: '2021-04-01' },
      { stage: 'IDEA', changedOn: '2020-11-01' },
      { stage: 'EVALUATING', changedOn: '2022-03-01', note: 'Funding for an evaluation' },
    ],
    outcomes: [
      {
        title: 'Fewer repeat appointments',
        verdict: 'MIXED',
        evaluationDesign: 'BEFORE_AFTER',
        evidenceLevel: 2,
        measures: [{ name: 'Repeat GP visits', baseline: 5.1, result: 4.2, unit: 'visits a year', goodDirection: 'DOWN' }],
      },
    ],
    artefacts: [{ type: 'TOOLKIT', title: 'Connector handbook', licence: 'OGL_3', url: 'https://example.gov.uk/handbook' }],
    ...overrides,
  };
}

async function stored(externalId: string) {
  return h.em().findOne(
    Experiment,
    { externalId, leadOrganisation: council.id },
    { populate: ['stageHistory', 'outcomes', 'artefacts', 'places', 'serviceAreas'] },
  );
}

describe('import', () => {
  it('imports a record whole, with history, outcomes and artefacts', async () => {
    const report = await importExperiments(h.em(), [record()]);
    expect(report).toMatchObject({ created: 1, updated: 0, rejected: 0 });
    const experiment = await stored('case-study-17');
    expect(experiment).toMatchObject({ status: ExperimentStatus.PUBLISHED, stage: Stage.EVALUATING });
    expect(experiment!.stageHistory.getItems().map((c) => c.stage).sort()).toEqual(['EVALUATING', 'IDEA', 'PILOT']);
    expect(experiment!.outcomes).toHaveLength(1);
    expect(experiment!.artefacts).toHaveLength(1);
    expect(experiment!.places.getItems().map((p) => p.gssCode)).toEqual([place.gssCode]);
    expect(experiment!.publishedAt?.toISOString().slice(0, 10)).toBe('2022-06-01');
  });

  it('is safe to re-run: the same records update in place instead of duplicating', async () => {
    await importExperiments(h.em(), [record({ externalId: 'rerun' })]);
    const first = await stored('rerun');
    const again = await importExperiments(h.em(), [record({ externalId: 'rerun', title: 'Renamed' })]);
    expect(again).toMatchObject({ created: 0, updated: 1, rejected: 0 });
    const second = await stored('rerun');
    expect(second!.id).toBe(first!.id);
    expect(second!.slug).toBe(first!.slug);
    expect(second!.title).toBe('Renamed');
    expect(second!.outcomes).toHaveLength(1);
    expect(second!.stageHistory).toHaveLength(3);
    expect(await h.em().count(Experiment, { externalId: 'rerun' })).toBe(1);
  });

  it('rejects bad records whole, says why for each, and still imports the good ones', async () => {
    const outcomesBefore = await h.em().count(Outcome, {});
    const artefactsBefore = await h.em().count(Artefact, {});
    const report = await importExperiments(h.em(), [
      record({ externalId: 'good-one' }),
      record({ externalId: 'bad-url', artefacts: [{ type: 'TOOLKIT', title: 'Evil', licence: 'OGL_3', url: 'javascript:alert(1)' }] }),
      record({ externalId: 'bad-evidence', outcomes: [{ ...record().outcomes[0], evidenceLevel: 9 }] }),
      record({ externalId: 'bad-lead', leadOrganisation: 'Z99999999' }),
      record({ externalId: 'typo', sumary: 'misspelt key' }),
      record({ externalId: 'bad-dates', startDate: '2024-01-02', endDate: '2023-01-01' }),
      'not an object',
    ]);
    expect(report).toMatchObject({ created: 1, rejected: 6 });
    const problems = Object.fromEntries(
      report.records.filter((r) => r.outcome === 'rejected').map((r) => [r.externalId ?? `#${r.index}`, r.problems!.map((p) => p.field)]),
    );
    expect(problems).toEqual({
      'bad-url': ['artefacts.0.url'],
      'bad-evidence': ['outcomes.0.evidenceLevel'],
      'bad-lead': ['leadOrganisation'],
      typo: ['sumary'],
      'bad-dates': ['endDate'],
      '#6': [''],
    });
    for (const externalId of ['bad-url', 'bad-evidence', 'bad-lead', 'typo', 'bad-dates']) {
      expect(await h.em().count(Experiment, { externalId })).toBe(0);
    }
    expect(await h.em().count(Outcome, {})).toBe(outcomesBefore + 1);
    expect(await h.em().count(Artefact, {})).toBe(artefactsBefore + 1);
  });

  it('refuses a file without the format marker', () => {
    expect(() => readImportFile({ experiments: [] })).toThrow(BadInputError);
    expect(() => readImportFile({ format: 'synapse-experiments', version: 3, experiments: [] })).toThrow(/versions 1 and 2/);
    expect(readImportFile({ format: 'synapse-experiments', version: 1, experiments: [1, 2] })).toEqual([1, 2]);
    expect(readImportFile({ format: 'synapse-experiments', version: 2, experiments: [3] })).toEqual([3]);
  });
});
