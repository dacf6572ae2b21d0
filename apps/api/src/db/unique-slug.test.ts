import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil } from '../../test/factories.js';
import { createHarness, type Harness } from '../../test/harness.js';
import { Experiment } from '../modules/experiment/experiment.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { uniqueSlug } from './unique-slug.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('uniqueSlug (experiments and organisations alike)', () => {
  it('numbers a taken slug from 2, ignores slugs that only start the same way, and falls back when the text has no words', async () => {
    await buildCouncil(h.em(), { slug: 'repair-cafe-network' });
    expect(await uniqueSlug(h.em(), Organisation, 'Repair café network', 'organisation')).toBe('repair-cafe-network-2');
    await buildCouncil(h.em(), { slug: 'repair-cafe-network-2' });
    expect(await uniqueSlug(h.em(), Organisation, 'Repair Café Network', 'organisation')).toBe('repair-cafe-network-3');
    expect(await uniqueSlug(h.em(), Organisation, 'Repair café', 'organisation')).toBe('repair-cafe');
    expect(await uniqueSlug(h.em(), Experiment, 'Repair café network', 'experiment')).toBe('repair-cafe-network');
    expect(await uniqueSlug(h.em(), Experiment, '!!!', 'experiment')).toBe('experiment');
  });

  it('keeps slugs to 100 characters without a dangling hyphen', async () => {
    const slug = await uniqueSlug(h.em(), Experiment, `${'a'.repeat(99)} b`, 'experiment');
    expect(slug).toBe('a'.repeat(99));
  });
});
