import { MemberRole, ModerationAction } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/http.js';
import { entityManager } from '../../db/orm.js';
import { moderatePost } from './moderation.service.js';
import { replyToDiscussion, startDiscussion } from './post.service.js';

// Discussions as open data over HTTP: the JSON export and the Atom feeds carry visible posts only, and
// hostile text arrives escaped.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ SYNAPSE_SEED_DEMO: 'false' }, { search: false });
});
afterAll(async () => {
  await server?.close();
});

const em = () => entityManager(server.orm).fork();

async function get(path: string) {
  const response = await fetch(`${server.base}${path}`);
  return { response, text: await response.text() };
}

async function conversation() {
  const lead = await buildCouncil(em());
  const other = await buildCouncil(em());
  const experiment = await buildExperiment(em(), { lead });
  const admin = await buildMember(em(), lead, MemberRole.ADMIN);
  const asker = await buildMember(em(), other, MemberRole.MEMBER);
  const question = await startDiscussion(em(), asker, { title: 'Has anyone run a repair café? ]]><b>bold</b>', body: 'Looking for <script>alert("x")</script> advice. [link](javascript:alert(1))', serviceAreas: ['waste'] });
  const good = await replyToDiscussion(em(), admin, { discussionId: question.id, body: 'Yes, **monthly** since 2023.' });
  const bad = await replyToDiscussion(em(), asker, { discussionId: question.id, body: 'A rude remark that will be hidden' });
  const onExperiment = await startDiscussion(em(), asker, { experimentId: experiment.id, title: 'Which wards did you start in?', body: 'Asking.' });
  const moderator = await buildMember(em(), null, MemberRole.MEMBER, { moderator: true });
  await moderatePost(em(), moderator, { postId: bad.id, action: ModerationAction.HIDE, reason: 'Abusive' });
  return { question, good, bad, onExperiment };
}

describe('discussions as open data', () => {
  it('the JSON export has every public discussion with its visible posts, and no hidden ones', async () => {
    const c = await conversation();
    const { response, text } = await get('/export/discussions.json');
    expect(response.status).toBe(200);
    const body = JSON.parse(text);
    expect(body.licence.text).toContain('Open Government Licence');
    const question = body.discussions.find((d: { id: string }) => d.id === c.question.id);
    expect(question.serviceAreas).toEqual(['waste']);
    expect(question.posts.map((p: { id: string }) => p.id)).toEqual([expect.any(String), c.good.id]);
    expect(text).not.toContain('rude remark');
    expect(text).not.toMatch(/@example\.gov\.uk/);
    expect(body.discussions.map((d: { id: string }) => d.id)).toContain(c.onExperiment.id);
  });

  it('the feed of new network questions and the feed of a discussion leave hidden posts out and escape what people wrote', async () => {
    const c = await conversation();
    const questions = await get('/feeds/questions.atom');
    expect(questions.response.headers.get('content-type')).toContain('application/atom+xml');
    expect(questions.text).toContain('Has anyone run a repair café? ]]&#62;&#60;b&#62;bold&#60;/b&#62;');
    expect(questions.text).not.toContain('<b>bold');
    expect(questions.text).not.toContain('Which wards did you start in?');
    const feed = await get(`/feeds/discussions/${c.question.id}.atom`);
    expect(feed.response.status).toBe(200);
    expect(feed.text).toContain('<content type="html"><![CDATA[<p>Yes, <strong>monthly</strong> since 2023.</p>]]></content>');
    expect(feed.text).toContain('Looking for &#60;script&#62;');
    expect(feed.text).not.toContain('rude remark');
    expect(feed.text).not.toMatch(/<script|href="javascript/i);
    expect((await get('/feeds/discussions/no-such-discussion.atom')).response.status).toBe(404);
  });
});
