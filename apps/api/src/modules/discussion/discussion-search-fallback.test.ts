import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildMember } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';

// No search engine: discussions are searched in the database (discussion-search.service.ts databaseFilter).
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const SEARCH = 'query($q: String!) { searchDiscussions(query: $q) { degraded hits { id } } }';

describe('discussion search without the engine', () => {
  it('matches words whatever their case on both databases (PostgreSQL LIKE is case-sensitive), and takes % literally', async () => {
    const asker = await buildMember(h.em(), await buildCouncil(h.em()), MemberRole.MEMBER);
    const started = await h.run('mutation { startDiscussion(input: { title: "Running a Repair Café in a market town", body: "Volunteers, insurance, venues?", serviceAreas: ["waste"] }) { id } }', {}, asker);
    const id = started.data.startDiscussion.id;
    for (const q of ['repair café', 'REPAIR', 'market Town']) {
      const result = await h.run(SEARCH, { q });
      expect(result.data.searchDiscussions.hits.map((hit: { id: string }) => hit.id), q).toEqual([id]);
    }
    expect((await h.run(SEARCH, { q: 'Repair%' })).data.searchDiscussions.hits.map((hit: { id: string }) => hit.id)).toEqual([id]);
    expect((await h.run(SEARCH, { q: 'bicycle' })).data.searchDiscussions.hits).toEqual([]);
  });
});
