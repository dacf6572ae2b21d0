import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildMember } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { DiscussionIndex } from './discussion-search.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ search: true });
});
afterAll(async () => {
  await new DiscussionIndex(h.searchIndex!).client.deleteIndex(new DiscussionIndex(h.searchIndex!).uid).waitTask().catch(() => undefined);
  await h.close();
});

const SEARCH = 'query($q: String!, $filter: DiscussionFilter) { searchDiscussions(query: $q, filter: $filter) { degraded estimatedTotal hits { id title } } }';

async function people() {
  const council = await buildCouncil(h.em());
  return {
    asker: await buildMember(h.em(), council, MemberRole.MEMBER),
    replier: await buildMember(h.em(), await buildCouncil(h.em()), MemberRole.MEMBER),
    moderator: await buildMember(h.em(), null, MemberRole.MEMBER, { moderator: true }),
  };
}

async function search(q: string, filter?: Record<string, unknown>) {
  const result = await h.run(SEARCH, { q, filter });
  expect(result.errors).toBeUndefined();
  return result.data.searchDiscussions as { degraded: boolean; hits: { id: string; title: string }[] };
}

describe('discussion search', () => {
  it('finds a question by its words, typos included, once its job has run; filters by answered', async () => {
    const p = await people();
    const started = await h.run('mutation { startDiscussion(input: { title: "Running a repair café in a market town", body: "Volunteers, insurance, venues?", serviceAreas: ["waste"] }) { id } }', {}, p.asker);
    const id = started.data.startDiscussion.id;
    await h.run('mutation($id: ID!) { replyToDiscussion(input: { discussionId: $id, body: "We used the library on Saturdays." }) { id } }', { id }, p.replier);
    await h.runJobs();
    const found = await search('repiar cafe');
    expect(found.degraded).toBe(false);
    expect(found.hits.map((hit) => hit.id)).toEqual([id]);
    expect((await search('library saturdays')).hits.map((hit) => hit.id)).toEqual([id]);
    expect((await search('repair', { answered: true })).hits).toEqual([]);
    expect((await search('repair', { answered: false, serviceAreas: ['waste'] })).hits.map((hit) => hit.id)).toEqual([id]);
  });

  it('a hidden post leaves search at once, and its words leave the index when the job runs', async () => {
    const p = await people();
    const started = await h.run('mutation { startDiscussion(input: { title: "Community fridges and food safety", body: "Who inspects them?", serviceAreas: ["public-health"] }) { id openingPost { id } } }', {}, p.asker);
    const { id } = started.data.startDiscussion;
    const reply = await h.run('mutation($id: ID!) { replyToDiscussion(input: { discussionId: $id, body: "Buy zanzibarwatches now" }) { id } }', { id }, p.replier);
    await h.runJobs();
    expect((await search('zanzibarwatches')).hits.map((hit) => hit.id)).toEqual([id]);
    await h.run('mutation($id: ID!) { moderatePost(input: { postId: $id, action: HIDE, reason: "Spam" }) { id } }', { id: reply.data.replyToDiscussion.id }, p.moderator);
    await h.runJobs();
    expect((await search('zanzibarwatches')).hits).toEqual([]);
    expect((await search('community fridges')).hits.map((hit) => hit.id)).toEqual([id]);

    await h.run('mutation($id: ID!) { moderatePost(input: { postId: $id, action: HIDE, reason: "Off topic" }) { id } }', { id: started.data.startDiscussion.openingPost.id }, p.moderator);
    // Gone before the index catches up: hits are checked against the database.
    expect((await search('community fridges')).hits).toEqual([]);
    await h.runJobs();
    const left = await new DiscussionIndex(h.searchIndex!).search('community fridges', [], 10, 0);
    expect(left.hits).toEqual([]);
  });
});
