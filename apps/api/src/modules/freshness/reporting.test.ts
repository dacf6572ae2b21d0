import { ExperimentStatus, Verdict } from '@synapse/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCouncil, buildExperiment } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Experiment } from '../experiment/experiment.entity.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(); // its own empty database: the figures below are exact
});
afterAll(async () => {
  await h.close();
});

const STATISTICS = `{ statistics {
  resultsReporting { finished reported percentReported }
  resultsReportingByServiceArea { serviceAreaSlug serviceAreaName rate { finished reported percentReported } }
} }`;

async function pilot(areas: string[], endDate: string | null, outcomes: number, status = ExperimentStatus.PUBLISHED, withdrawnAt: Date | null = null) {
  const council = await buildCouncil(h.em());
  const experiment = await buildExperiment(h.em(), {
    lead: council,
    status,
    serviceAreas: areas,
    outcomes: Array.from({ length: outcomes }, () => ({ verdict: Verdict.MIXED })),
  });
  await h.em().nativeUpdate(Experiment, { id: experiment.id }, { startDate: '2028-01-01', endDate, withdrawnAt });
}

it('counts finished pilots and how many reported results, overall and by service area, on known data', async () => {
  await pilot(['adult-social-care'], '2029-03-31', 1); // finished, reported
  await pilot(['adult-social-care', 'housing-and-homelessness'], '2029-05-31', 0); // finished, not reported: both areas
  await pilot(['housing-and-homelessness'], '2029-06-30', 2); // finished, reported (two outcomes count once)
  await pilot(['housing-and-homelessness'], '2029-06-30', 0); // finished, not reported
  await pilot(['adult-social-care'], '2030-12-31', 0); // still running
  await pilot(['adult-social-care'], null, 0); // no end date: never "finished"
  await pilot(['adult-social-care'], '2029-01-31', 0, ExperimentStatus.DRAFT); // not public: not counted
  await pilot(['adult-social-care'], '2029-01-31', 1, ExperimentStatus.DRAFT); // a draft with an outcome: not counted either
  await pilot(['housing-and-homelessness'], '2029-02-28', 0, ExperimentStatus.ARCHIVED); // archived: not counted
  // Withdrawn by its team: still readable, but no longer asked for results, so not in the rate either way.
  await pilot(['adult-social-care', 'housing-and-homelessness'], '2029-02-28', 0, ExperimentStatus.PUBLISHED, new Date('2029-03-01T00:00:00Z'));
  await pilot(['adult-social-care'], '2029-02-28', 1, ExperimentStatus.PUBLISHED, new Date('2029-03-01T00:00:00Z'));

  h.clock.set('2029-07-01T12:00:00Z');
  const result = await h.run(STATISTICS);
  expect(result.errors).toBeUndefined();
  expect(result.data.statistics.resultsReporting).toEqual({ finished: 4, reported: 2, percentReported: 50 });
  expect(result.data.statistics.resultsReportingByServiceArea).toEqual([
    { serviceAreaSlug: 'adult-social-care', serviceAreaName: expect.any(String), rate: { finished: 2, reported: 1, percentReported: 50 } },
    { serviceAreaSlug: 'housing-and-homelessness', serviceAreaName: expect.any(String), rate: { finished: 3, reported: 1, percentReported: 33 } },
  ]);

  // Earlier, fewer had finished: the figures move with the clock.
  h.clock.set('2029-04-15T12:00:00Z');
  expect((await h.run(STATISTICS)).data.statistics.resultsReporting).toEqual({ finished: 1, reported: 1, percentReported: 100 });
  h.clock.set('2028-06-01T12:00:00Z');
  expect((await h.run(STATISTICS)).data.statistics.resultsReporting).toEqual({ finished: 0, reported: 0, percentReported: null });
});
