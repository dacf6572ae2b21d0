import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { Member } from '../member/member.entity.js';
import { Discussion } from './discussion.entity.js';
import { Post, PostReport } from './post.entity.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const QUEUE = '{ postReports(first: 50) { totalCount nodes { reason reporter { id } post { id hidden } } } }';

async function world() {
  const em = h.em();
  const lead = await buildCouncil(em);
  const other = await buildCouncil(em);
  const experiment = await buildExperiment(em, { lead });
  const leadAdmin = await buildMember(em, lead, MemberRole.ADMIN);
  const asker = await buildMember(em, other, MemberRole.MEMBER);
  const troll = await buildMember(em, other, MemberRole.MEMBER);
  const platformAdmin = await buildMember(em, null, MemberRole.MEMBER, { platformAdmin: true });
  const volunteer = await buildMember(em, null, MemberRole.MEMBER);
  const started = await h.run('mutation($id: ID!) { startDiscussion(input: { experimentId: $id, title: "What did the evaluation cost?", body: "Curious." }) { id } }', { id: experiment.id }, asker);
  const discussionId = started.data.startDiscussion.id as string;
  const rude = await h.run('mutation($id: ID!) { replyToDiscussion(input: { discussionId: $id, body: "Buy cheap watches at https://spam.example" }) { id } }', { id: discussionId }, troll);
  return { lead, experiment, leadAdmin, asker, troll, platformAdmin, volunteer, discussionId, rudeId: rude.data.replyToDiscussion.id as string };
}

describe('moderation', () => {
  it('a report reaches the queue; a moderator hides the post with a reason, which is audited, and the report is resolved', async () => {
    const w = await world();
    const reported = await h.run('mutation($id: ID!) { reportPost(input: { postId: $id, reason: "Spam" }) { id } }', { id: w.rudeId }, w.asker);
    expect(reported.errors).toBeUndefined();
    const own = await h.run('mutation($id: ID!) { reportPost(input: { postId: $id, reason: "Spam" }) { id } }', { id: w.rudeId }, w.troll);
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);

    // The queue: network moderators see every report, the lead organisation's admins theirs, others nothing.
    expect((await h.run(QUEUE, {}, w.asker)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const mine = await h.run(QUEUE, {}, w.leadAdmin);
    expect(mine.data.postReports.nodes).toEqual([{ reason: 'Spam', reporter: { id: w.asker.id }, post: { id: w.rudeId, hidden: false } }]);
    expect((await h.run(QUEUE, {}, w.volunteer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const appointed = await h.run('mutation($id: ID!) { appointModerator(input: { memberId: $id }) { moderator } }', { id: w.volunteer.id }, w.platformAdmin);
    expect(appointed.data.appointModerator.moderator).toBe(true);
    const queue = await h.run(QUEUE, {}, w.volunteer);
    expect(queue.data.postReports.nodes.map((n: { post: { id: string } }) => n.post.id)).toContain(w.rudeId);

    const hidden = await h.run('mutation($id: ID!) { moderatePost(input: { postId: $id, action: HIDE, reason: "Advertising" }) { hidden moderationReason } }', { id: w.rudeId }, w.volunteer);
    expect(hidden.data.moderatePost).toEqual({ hidden: true, moderationReason: 'Advertising' });
    const audit = await h.em().find(AuditEntry, { operation: 'moderatePost', entityId: w.rudeId });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: w.volunteer.id, change: 'UPDATE' });
    expect(audit[0]?.after).toMatchObject({ moderationReason: 'Advertising' });
    expect((await h.run(QUEUE, {}, w.volunteer)).data.postReports.nodes.map((n: { post: { id: string } }) => n.post.id)).not.toContain(w.rudeId);

    // A cursor this API never made is the caller's mistake, not ours (the fuzz run found these as INTERNAL).
    const forged = Buffer.from(JSON.stringify({ NaN: 1 })).toString('base64url');
    for (const after of ['offfset:5', '🏠 emoji', forged]) {
      const badQueue = await h.run('query($after: String) { postReports(first: 5, after: $after) { totalCount } }', { after }, w.volunteer);
      expect(badQueue.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      const badPosts = await h.run('query($id: ID!, $after: String) { discussion(id: $id) { posts(first: 5, after: $after) { totalCount } } }', { id: w.discussionId, after }, w.asker);
      expect(badPosts.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }

    const asReader = await h.run('query($id: ID!) { discussion(id: $id) { replyCount posts(first: 10) { nodes { id } } } }', { id: w.discussionId }, w.asker);
    expect(asReader.data.discussion.replyCount).toBe(0);
    expect(asReader.data.discussion.posts.nodes.map((p: { id: string }) => p.id)).not.toContain(w.rudeId);
    const restored = await h.run('mutation($id: ID!) { moderatePost(input: { postId: $id, action: RESTORE, reason: "Appeal upheld" }) { hidden } }', { id: w.rudeId }, w.leadAdmin);
    expect(restored.data.moderatePost.hidden).toBe(false);
  });

  it('hiding the opening post hides the discussion for everyone but moderators, and its notifications go', async () => {
    const w = await world();
    await h.runJobs();
    const unread = '{ notifications(first: 10) { totalCount } }';
    expect((await h.run(unread, {}, w.leadAdmin)).data.notifications.totalCount).toBe(1);
    const opening = await h.run('query($id: ID!) { discussion(id: $id) { openingPost { id } } }', { id: w.discussionId });
    await h.run('mutation($id: ID!) { moderatePost(input: { postId: $id, action: HIDE, reason: "Personal data" }) { id } }', { id: opening.data.discussion.openingPost.id }, w.platformAdmin);
    expect((await h.run('query($id: ID!) { discussion(id: $id) { id } }', { id: w.discussionId })).data.discussion).toBeNull();
    expect((await h.run('query($id: ID!) { discussion(id: $id) { id hidden } }', { id: w.discussionId }, w.leadAdmin)).data.discussion.hidden).toBe(true);
    const listed = await h.run('query($id: ID!) { discussions(first: 10, filter: { experimentId: $id }) { totalCount } }', { id: w.experiment.id });
    expect(listed.data.discussions.totalCount).toBe(0);
    expect((await h.run(unread, {}, w.leadAdmin)).data.notifications.totalCount).toBe(0);
  });

  it('a locked discussion takes no replies until unlocked; each change keeps its reason', async () => {
    const w = await world();
    const locked = await h.run('mutation($id: ID!) { lockDiscussion(input: { discussionId: $id, reason: "Going round in circles" }) { lockedAt lockReason viewerCan { reply } } }', { id: w.discussionId }, w.leadAdmin);
    expect(locked.data.lockDiscussion).toMatchObject({ lockReason: 'Going round in circles', viewerCan: { reply: false } });
    const refused = await h.run('mutation($id: ID!) { replyToDiscussion(input: { discussionId: $id, body: "But..." }) { id } }', { id: w.discussionId }, w.asker);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    const unlocked = await h.run('mutation($id: ID!) { lockDiscussion(input: { discussionId: $id, locked: false, reason: "Calmer now" }) { lockedAt } }', { id: w.discussionId }, w.platformAdmin);
    expect(unlocked.data.lockDiscussion.lockedAt).toBeNull();
    const reason = await h.run('mutation($id: ID!) { lockDiscussion(input: { discussionId: $id, reason: "" }) { id } }', { id: w.discussionId }, w.platformAdmin);
    expect(reason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect(await h.em().findOneOrFail(Discussion, w.discussionId)).toMatchObject({ lockedAt: null, lockReason: 'Calmer now' });
  });

  it('refuses a report whose reason is too short (BAD_USER_INPUT on input.reason), storing no report', async () => {
    const w = await world();
    for (const reason of ['', '  ', 'ok']) {
      const result = await h.run('mutation($id: ID!, $reason: String!) { reportPost(input: { postId: $id, reason: $reason }) { id } }', { id: w.rudeId, reason }, w.asker);
      expect(result.errors?.[0]?.extensions, JSON.stringify(reason)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    }
    expect(await h.em().count(PostReport, { post: w.rudeId })).toBe(0);
  });

  it('refuses to hide a post without a reason (BAD_USER_INPUT on input.reason), leaving it visible', async () => {
    const w = await world();
    for (const reason of ['', '   ']) {
      const result = await h.run('mutation($id: ID!, $reason: String!) { moderatePost(input: { postId: $id, action: HIDE, reason: $reason }) { hidden } }', { id: w.rudeId, reason }, w.platformAdmin);
      expect(result.errors?.[0]?.extensions, JSON.stringify(reason)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    }
    expect(await h.em().findOneOrFail(Post, w.rudeId)).toMatchObject({ hiddenAt: null, moderationReason: null });
    expect(await h.em().count(AuditEntry, { operation: 'moderatePost', entityId: w.rudeId })).toBe(0);
  });

  it('refuses to appoint a moderator from a blank member id (BAD_USER_INPUT on input.memberId), changing no role', async () => {
    const w = await world();
    for (const memberId of ['', '   ']) {
      const result = await h.run('mutation($id: ID!) { appointModerator(input: { memberId: $id }) { moderator } }', { id: memberId }, w.platformAdmin);
      expect(result.errors?.[0]?.extensions, JSON.stringify(memberId)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.memberId' });
    }
    expect((await h.em().findOneOrFail(Member, w.volunteer.id)).moderator).toBe(false);
    expect(await h.em().count(AuditEntry, { operation: 'appointModerator', actorId: w.platformAdmin.id })).toBe(0);
  });
});
