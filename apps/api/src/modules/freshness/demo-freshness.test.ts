import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { bootstrapData } from '../../bootstrap.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await bootstrapData(h.orm, { seedDemo: true, log: () => undefined });
});
afterAll(async () => {
  await h.close();
});

const FRESHNESS = `{ experiments(first: 100) { nodes { title reviewOverdue resultsOverdue registration { id } measureComparison { status } } }
  statistics { resultsReporting { finished reported } } }`;

it('the demo data shows every freshness state: overdue for review, results overdue, registered, and registered against reported', async () => {
  h.clock.set('2026-12-01T09:00:00Z'); // the demo dates are absolute: judge them on a fixed day
  const result = await h.run(FRESHNESS);
  expect(result.errors).toBeUndefined();
  const nodes: any[] = result.data.experiments.nodes;
  const titles = (keep: (node: any) => boolean) => nodes.filter(keep).map((node) => node.title).sort();
  expect(titles((node) => node.reviewOverdue).length).toBeGreaterThanOrEqual(3);
  expect(titles((node) => node.reviewOverdue).length).toBeLessThan(nodes.length / 3);
  expect(titles((node) => node.resultsOverdue)).toEqual([
    'Council tax and benefits advice stalls in supermarkets',
    'Warm home prescriptions for people with lung conditions',
  ]);
  expect(titles((node) => node.registration !== null)).toHaveLength(3);
  const leeds = nodes.find((node) => node.title === 'Lending energy monitors from community libraries');
  expect(leeds.measureComparison.map((row: any) => row.status)).toEqual(['REPORTED', 'DROPPED', 'ADDED_AFTER_REGISTRATION']);
  const { finished, reported } = result.data.statistics.resultsReporting;
  expect(finished - reported).toBe(2);
});
