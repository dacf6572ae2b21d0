import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import type { Member } from '../member/member.entity.js';
import { sendDigests } from '../notification/notification.service.js';
import { Follow, FollowTarget } from '../notification/follow.entity.js';
import { Discussion } from './discussion.entity.js';
import { Post, PostRevision } from './post.entity.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const START = `mutation($input: StartDiscussionInput!) { startDiscussion(input: $input) { id title answered experiment { id } serviceAreas { slug } themes openingPost { id bodyHtml fromTeam } } }`;
const REPLY = `mutation($input: ReplyInput!) { replyToDiscussion(input: $input) { id bodyHtml fromTeam citations { id } } }`;
const READ = `query($id: ID!) { discussion(id: $id) { id title answered replyCount answer { id } viewerCan { reply markAnswer moderate follow }
  posts(first: 50) { totalCount nodes { id body bodyHtml hidden editedAt deletedAt isAnswer author { name } revisions { body } viewerCan { edit delete report markAnswer moderate } } } } }`;

async function world() {
  const em = h.em();
  const lead = await buildCouncil(em);
  const other = await buildCouncil(em);
  const experiment = await buildExperiment(em, { lead, title: 'Volunteer drivers for hospital discharge', serviceAreas: ['adult-social-care'] });
  const cited = await buildExperiment(em, { lead: other, title: 'Home from hospital befriending' });
  const teamMember = await buildMember(em, lead, MemberRole.MEMBER, { createdAt: new Date(Date.now() - 30 * 86_400_000) });
  const leadAdmin = await buildMember(em, lead, MemberRole.ADMIN, { createdAt: new Date(Date.now() - 30 * 86_400_000) });
  const asker = await buildMember(em, other, MemberRole.MEMBER, { createdAt: new Date(Date.now() - 30 * 86_400_000) });
  const bystander = await buildMember(em, other, MemberRole.MEMBER, { createdAt: new Date(Date.now() - 30 * 86_400_000) });
  return { lead, other, experiment, cited, teamMember, leadAdmin, asker, bystander };
}

async function ask(as: Member, input: Record<string, unknown>) {
  const result = await h.run(START, { input }, as);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.startDiscussion;
}

async function reply(as: Member, discussionId: string, body: string, citations?: string[]) {
  const result = await h.run(REPLY, { input: { discussionId, body, citations } }, as);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.replyToDiscussion;
}

async function notificationsOf(member: Member) {
  const result = await h.run('{ notifications(first: 50) { nodes { kind message experiment { id } } } }', {}, member);
  return result.data.notifications.nodes as { kind: string; message: string }[];
}

describe('questions on an experiment', () => {
  it('an officer asks, the team answers (marked as the team), the asker marks it answered, and everyone hears in turn', async () => {
    const w = await world();
    const question = await ask(w.asker, { experimentId: w.experiment.id, title: 'How did you recruit the drivers?', body: 'We are a rural district. Did you pay **mileage**?' });
    expect(question.experiment.id).toBe(w.experiment.id);
    expect(question.serviceAreas.map((a: { slug: string }) => a.slug)).toEqual(['adult-social-care']);
    expect(question.openingPost.fromTeam).toBe(false);
    expect(question.openingPost.bodyHtml).toContain('<strong>mileage</strong>');

    await h.runJobs();
    expect((await notificationsOf(w.teamMember)).map((n) => n.message)).toEqual([expect.stringContaining('asked your team a question')]);
    expect(await notificationsOf(w.bystander)).toEqual([]);

    const answer = await reply(w.teamMember, question.id, 'Through the volunteer centre; yes, 45p a mile.');
    expect(answer.fromTeam).toBe(true);
    const outsider = await reply(w.bystander, question.id, 'We did the same.');
    expect(outsider.fromTeam).toBe(false);
    await h.runJobs();
    expect((await notificationsOf(w.asker)).map((n) => n.kind)).toEqual(['NEW_REPLY', 'NEW_REPLY']);

    const marked = await h.run('mutation($id: ID!) { markAnswer(input: { postId: $id }) { answered answer { id } } }', { id: answer.id }, w.asker);
    expect(marked.data?.markAnswer).toEqual({ answered: true, answer: { id: answer.id } });
    await h.runJobs();
    expect((await notificationsOf(w.teamMember)).map((n) => n.kind)).toContain('ANSWER_MARKED');

    const listed = await h.run('query($id: ID!) { experiment(id: $id) { discussionCount discussions(first: 5) { totalCount nodes { id answered replyCount } } } }', { id: w.experiment.id });
    expect(listed.data.experiment).toEqual({ discussionCount: 1, discussions: { totalCount: 1, nodes: [{ id: question.id, answered: true, replyCount: 2 }] } });

    // The digest email carries the sentence, never a post body.
    await h.run('mutation { setNotificationDigest(input: { frequency: DAILY }) { digest } }', {}, w.asker);
    h.mail.length = 0;
    await sendDigests(h.em(), { send: async (mail) => void h.mail.push(mail) }, h.config);
    const digest = h.mail.find((mail) => mail.to === w.asker.email);
    expect(digest?.text).toContain('replied to “How did you recruit the drivers?”');
    expect(digest?.text).not.toContain('45p a mile');
  });

  it('only the asker, the team or a moderator may mark an answer', async () => {
    const w = await world();
    const question = await ask(w.asker, { experimentId: w.experiment.id, title: 'What did the pilot cost?', body: 'Roughly?' });
    const answer = await reply(w.teamMember, question.id, 'About £40k.');
    const denied = await h.run('mutation($id: ID!) { markAnswer(input: { postId: $id }) { answered } }', { id: answer.id }, w.bystander);
    expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
    const byTeam = await h.run('mutation($id: ID!) { markAnswer(input: { postId: $id }) { answered } }', { id: answer.id }, w.teamMember);
    expect(byTeam.data?.markAnswer.answered).toBe(true);
  });

  it('refuses questions on drafts and bad input with the field named, writing nothing', async () => {
    const w = await world();
    const draft = await buildExperiment(h.em(), { lead: w.lead, status: 'DRAFT' as never });
    const onDraft = await h.run(START, { input: { experimentId: draft.id, title: 'A question on a draft', body: 'Hello' } }, w.asker);
    expect(errorCodes(onDraft)).toEqual(['NOT_FOUND']);
    const short = await h.run(START, { input: { experimentId: w.experiment.id, title: 'Hi', body: 'Hello' } }, w.asker);
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    const long = await h.run(START, { input: { experimentId: w.experiment.id, title: 'A long question', body: 'x'.repeat(10_001) } }, w.asker);
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body' });
    const badCitation = await h.run(START, { input: { experimentId: w.experiment.id, title: 'A cited question', body: 'See', citations: [draft.id] } }, w.asker);
    expect(badCitation.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.citations.0' });
    const listed = await h.run('query($id: ID!) { discussions(first: 5, filter: { experimentId: $id }) { totalCount } }', { id: w.experiment.id });
    expect(listed.data.discussions.totalCount).toBe(0);
  });
});

describe('bad input to replies, edits and answers', () => {
  it('refuses an empty reply with BAD_USER_INPUT on input.body, adding no reply', async () => {
    const w = await world();
    const question = await ask(w.asker, { experimentId: w.experiment.id, title: 'Who drove at weekends?', body: 'Volunteers or staff?' });
    for (const body of ['', '   ']) {
      const result = await h.run(REPLY, { input: { discussionId: question.id, body } }, w.teamMember);
      expect(result.errors?.[0]?.extensions, JSON.stringify(body)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body' });
    }
    expect(await h.em().count(Post, { discussion: question.id })).toBe(1);
    expect((await h.em().findOneOrFail(Discussion, question.id)).replyCount).toBe(0);
  });

  it('refuses an edit with an empty body (input.body) or a too-short title (input.title), leaving the post and title unchanged', async () => {
    const w = await world();
    const question = await ask(w.asker, { experimentId: w.experiment.id, title: 'How long did the pilot run?', body: 'Six months or a year?' });
    const EDIT = 'mutation($input: EditPostInput!) { editPost(input: $input) { body editedAt } }';
    const emptyBody = await h.run(EDIT, { input: { postId: question.openingPost.id, body: '' } }, w.asker);
    expect(emptyBody.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.body' });
    const shortTitle = await h.run(EDIT, { input: { postId: question.openingPost.id, body: 'Six months?', title: 'Hi' } }, w.asker);
    expect(shortTitle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    const post = await h.em().findOneOrFail(Post, question.openingPost.id);
    expect(post).toMatchObject({ body: 'Six months or a year?', editedAt: null });
    expect(await h.em().count(PostRevision, { post: post.id })).toBe(0);
    expect((await h.em().findOneOrFail(Discussion, question.id)).title).toBe('How long did the pilot run?');
  });

  it('refuses to mark an answer with a blank post id (BAD_USER_INPUT on input.postId), leaving the question unanswered', async () => {
    const w = await world();
    const question = await ask(w.asker, { experimentId: w.experiment.id, title: 'Was there a waiting list?', body: 'For drivers?' });
    await reply(w.teamMember, question.id, 'Yes, for the first month.');
    for (const postId of ['', '   ']) {
      const result = await h.run('mutation($id: ID!) { markAnswer(input: { postId: $id }) { answered } }', { id: postId }, w.asker);
      expect(result.errors?.[0]?.extensions, JSON.stringify(postId)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.postId' });
    }
    expect(await h.em().findOneOrFail(Discussion, question.id)).toMatchObject({ answerPostId: null, answeredAt: null });
  });
});

describe('following a discussion', () => {
  it('refuses an unknown discussion with NOT_FOUND and a missing or over-long id with BAD_USER_INPUT on input.discussionId, following nothing', async () => {
    const w = await world();
    const FOLLOW = `mutation($input: FollowDiscussionInput!) { followDiscussion(input: $input) { id } }`;
    expect(errorCodes(await h.run(FOLLOW, { input: { discussionId: '00000000-0000-4000-8000-000000000000' } }, w.bystander))).toEqual(['NOT_FOUND']);
    for (const discussionId of ['', 'x'.repeat(37)]) {
      const result = await h.run(FOLLOW, { input: { discussionId } }, w.bystander);
      expect(result.errors?.[0]?.extensions, JSON.stringify(discussionId)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.discussionId' });
    }
    expect(await h.em().count(Follow, { member: w.bystander.id, target: FollowTarget.DISCUSSION })).toBe(0);
  });
});

describe('network questions', () => {
  it('are filed under service areas and themes, answered with citations, and listed unanswered first by filter', async () => {
    const w = await world();
    const noArea = await h.run(START, { input: { title: 'Has anyone tried a tool library?', body: 'Thinking about it.' } }, w.asker);
    expect(noArea.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.serviceAreas' });

    await h.run('mutation { follow(input: { target: SERVICE_AREA, key: "waste" }) { id } }', {}, w.bystander);
    const question = await ask(w.asker, { title: 'Has anyone tried a tool library?', body: 'Thinking about it.', serviceAreas: ['waste'], themes: ['Circular Economy'] });
    expect(question.experiment).toBeNull();
    expect(question.themes).toEqual(['circular economy']);
    await h.runJobs();
    expect((await notificationsOf(w.bystander)).map((n) => n.message)).toEqual([expect.stringContaining('asked the network')]);

    const unanswered = await h.run('{ discussions(first: 50, filter: { serviceAreas: ["waste"], answered: false, network: true }) { nodes { id } } }');
    expect(unanswered.data.discussions.nodes.map((n: { id: string }) => n.id)).toContain(question.id);

    const cited = await reply(w.teamMember, question.id, 'Yes — see our write-up.', [w.cited.id]);
    expect(cited.citations).toEqual([{ id: w.cited.id }]);
    await h.run('mutation($id: ID!) { markAnswer(input: { postId: $id }) { answered } }', { id: cited.id }, w.asker);
    const answered = await h.run('{ discussions(first: 50, filter: { themes: ["circular economy"], answered: true }) { nodes { id } } }');
    expect(answered.data.discussions.nodes.map((n: { id: string }) => n.id)).toEqual([question.id]);
    const citedIn = await h.run('query($id: ID!) { experiment(id: $id) { citedIn { id } } }', { id: w.cited.id });
    expect(citedIn.data.experiment.citedIn).toEqual([{ id: question.id }]);
  });
});

describe('editing and deleting', () => {
  it('an edit shows as edited and keeps the earlier version for moderators only', async () => {
    const w = await world();
    const question = await ask(w.asker, { experimentId: w.experiment.id, title: 'Which insurer did you use?', body: 'First version' });
    const edited = await h.run('mutation($id: ID!) { editPost(input: { postId: $id, body: "Second version" }) { body editedAt } }', { id: question.openingPost.id }, w.asker);
    expect(edited.data.editPost.body).toBe('Second version');
    expect(edited.data.editPost.editedAt).not.toBeNull();
    const asAuthor = await h.run(READ, { id: question.id }, w.asker);
    expect(asAuthor.data.discussion.posts.nodes[0].revisions).toBeNull();
    const asAdmin = await h.run(READ, { id: question.id }, w.leadAdmin);
    expect(asAdmin.data.discussion.posts.nodes[0].revisions).toEqual([{ body: 'First version' }]);
    const notMine = await h.run('mutation($id: ID!) { editPost(input: { postId: $id, body: "Vandalised" }) { body } }', { id: question.openingPost.id }, w.bystander);
    expect(errorCodes(notMine)).toEqual(['FORBIDDEN']);
  });

  it('deleting a reply marked as the answer leaves a placeholder; an ordinary reply goes entirely', async () => {
    const w = await world();
    const question = await ask(w.asker, { experimentId: w.experiment.id, title: 'Did drivers need DBS checks?', body: 'Asking for a friend.' });
    const answer = await reply(w.teamMember, question.id, 'Yes, enhanced checks.');
    const chatter = await reply(w.bystander, question.id, 'Interesting.');
    await h.run('mutation($id: ID!) { markAnswer(input: { postId: $id }) { answered } }', { id: answer.id }, w.asker);
    expect((await h.run('mutation($id: ID!) { deletePost(id: $id) }', { id: answer.id }, w.teamMember)).data?.deletePost).toBe(true);
    expect((await h.run('mutation($id: ID!) { deletePost(id: $id) }', { id: chatter.id }, w.bystander)).data?.deletePost).toBe(true);
    const read = await h.run(READ, { id: question.id });
    const posts = read.data.discussion.posts.nodes;
    expect(posts).toHaveLength(2);
    expect(posts[1]).toMatchObject({ id: answer.id, body: null, bodyHtml: null, author: null, isAnswer: true });
    expect(posts[1].deletedAt).not.toBeNull();
    expect(read.data.discussion.replyCount).toBe(0);
  });

  it('deleting a question nobody has answered removes the whole discussion', async () => {
    const w = await world();
    const question = await ask(w.asker, { experimentId: w.experiment.id, title: 'Posted this by mistake, sorry', body: 'Oops.' });
    expect((await h.run('mutation($id: ID!) { deletePost(id: $id) }', { id: question.openingPost.id }, w.asker)).data?.deletePost).toBe(true);
    expect((await h.run('query($id: ID!) { discussion(id: $id) { id } }', { id: question.id })).data.discussion).toBeNull();
    expect((await h.run('query($id: ID!) { experiment(id: $id) { discussionCount } }', { id: w.experiment.id })).data.experiment.discussionCount).toBe(0);
  });
});

describe('rate limits', () => {
  it('a member who joined today may write only a few posts an hour; the limit is counted in the database', async () => {
    const w = await world();
    const newcomer = await buildMember(h.em(), w.other, MemberRole.MEMBER);
    const question = await ask(w.asker, { experimentId: w.experiment.id, title: 'Any tips for the first month?', body: 'Anything.' });
    for (let n = 0; n < 5; n++) await reply(newcomer, question.id, `Reply ${n}`);
    const sixth = await h.run(REPLY, { input: { discussionId: question.id, body: 'One too many' } }, newcomer);
    expect(sixth.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 5 });
    expect(await h.em().count(Post, { author: newcomer.id })).toBe(5);
  });
});

describe('hostile text', () => {
  it('is stored as written but rendered safely in the API, and reaches notifications only as a cleaned title', async () => {
    const w = await world();
    const title = 'Evil <script>alert(1)</script> \u202Egnp.exe question';
    const body = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) ' + 'w'.repeat(3000) + ' שלום עולם';
    const question = await ask(w.asker, { experimentId: w.experiment.id, title, body });
    expect(question.title).not.toContain('\u202E');
    const html = question.openingPost.bodyHtml as string;
    expect(html).not.toMatch(/<img|<script|href="javascript/i);
    expect(html).toContain('שלום עולם');
    await h.runJobs();
    const [note] = await notificationsOf(w.teamMember);
    expect(note?.message).toContain('Evil <script>alert(1)</script> gnp.exe question');
    expect(note?.message).not.toContain('\u202E');
  });
});
