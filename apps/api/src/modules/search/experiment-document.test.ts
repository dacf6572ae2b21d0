import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { buildDocuments } from './experiment-document.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('search documents', () => {
  it('drop the control characters highlights are marked with, from text and lists alike, and keep text without them as it is', async () => {
    const council = await buildCouncil(h.em());
    const marked = await buildExperiment(h.em(), { lead: council, title: 'Warm \u0002spaces\u0003 in libraries' });
    await h.em().nativeUpdate(Experiment, { id: marked.id }, { themes: ['warm\u0003th', 'libraries'], summary: 'Plain “text” – kept as typed.' });
    const [document] = await buildDocuments(h.em().fork(), [marked.id]);
    expect(document?.title).toBe('Warm spaces in libraries');
    expect(document?.themes).toEqual(['warmth', 'libraries']);
    expect(document?.summary).toBe('Plain “text” – kept as typed.');
  });
});
