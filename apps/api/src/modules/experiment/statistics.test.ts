import { ExperimentStatus, Verdict } from '@synapse/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCouncil, buildExperiment } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const STATISTICS = '{ statistics { publishedExperiments councils outcomesPublished forks } }';

async function statistics(): Promise<{ publishedExperiments: number; councils: number; outcomesPublished: number; forks: number }> {
  const result = await h.run(STATISTICS, {});
  expect(result.errors).toBeUndefined();
  return result.data.statistics;
}

it('counts published experiments, councils, their outcomes and adaptations, and nothing unpublished', async () => {
  const before = await statistics();
  const council = await buildCouncil(h.em());
  const original = await buildExperiment(h.em(), { lead: council, outcomes: [{ verdict: Verdict.WORKED }, { verdict: Verdict.NO_EFFECT }] });
  await buildExperiment(h.em(), { lead: council, forkOf: original, outcomes: [{ verdict: Verdict.MIXED }] });
  await buildExperiment(h.em(), { lead: council, forkOf: original, status: ExperimentStatus.DRAFT, outcomes: [{ verdict: Verdict.WORKED }] });
  await buildExperiment(h.em(), { lead: council, status: ExperimentStatus.ARCHIVED });

  expect(await statistics()).toEqual({
    publishedExperiments: before.publishedExperiments + 2,
    councils: before.councils + 1,
    outcomesPublished: before.outcomesPublished + 3,
    forks: before.forks + 1,
  });
});
