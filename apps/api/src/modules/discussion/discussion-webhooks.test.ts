import { ref } from '@mikro-orm/core';
import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { NOTIFICATION_JOB_HANDLERS } from '../notification/notification.jobs.js';
import { Webhook, WebhookDelivery, WebhookEvent } from '../webhook/webhook.entity.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('discussion webhooks', () => {
  it('partners hear about new questions and marked answers, with titles and links only, and never about hidden ones', async () => {
    const em = h.em();
    const partner = await buildCouncil(em);
    const webhook = Object.assign(new Webhook(), { organisation: ref(partner), url: 'https://example.org/hook', events: [WebhookEvent.DISCUSSION_STARTED, WebhookEvent.DISCUSSION_ANSWERED], secret: 'whsec_test' });
    await em.persist(webhook).flush();
    const lead = await buildCouncil(em);
    const experiment = await buildExperiment(em, { lead, title: 'Social prescribing link workers' });
    const asker = await buildMember(em, partner, MemberRole.MEMBER);
    const team = await buildMember(em, lead, MemberRole.MEMBER);
    const moderator = await buildMember(em, null, MemberRole.MEMBER, { moderator: true });

    const q = await h.run('mutation($id: ID!) { startDiscussion(input: { experimentId: $id, title: "How many referrals a week?", body: "Secret detail in the body" }) { id } }', { id: experiment.id }, asker);
    const id = q.data.startDiscussion.id;
    const a = await h.run('mutation($id: ID!) { replyToDiscussion(input: { discussionId: $id, body: "About 40." }) { id } }', { id }, team);
    await h.run('mutation($id: ID!) { markAnswer(input: { postId: $id }) { answered } }', { id: a.data.replyToDiscussion.id }, asker);
    await h.jobWorker({ handlers: NOTIFICATION_JOB_HANDLERS }).drain();
    const deliveries = await h.em().find(WebhookDelivery, { webhook: webhook.id }, { orderBy: { createdAt: 'asc' } });
    expect(deliveries.map((d) => d.event)).toEqual([WebhookEvent.DISCUSSION_STARTED, WebhookEvent.DISCUSSION_ANSWERED]);
    expect(deliveries[0]?.payload).toMatchObject({ discussion: { id, title: 'How many referrals a week?', url: `https://synapse.test/discussions/${id}`, experiment: { id: experiment.id } } });
    expect(JSON.stringify(deliveries.map((d) => d.payload))).not.toContain('Secret detail');

    const spam = await h.run('mutation { startDiscussion(input: { title: "Cheap watches for every council", body: "Buy now", serviceAreas: ["waste"] }) { id openingPost { id } } }', {}, asker);
    await h.run('mutation($id: ID!) { moderatePost(input: { postId: $id, action: HIDE, reason: "Spam" }) { id } }', { id: spam.data.startDiscussion.openingPost.id }, moderator);
    await h.jobWorker({ handlers: NOTIFICATION_JOB_HANDLERS }).drain();
    expect(await h.em().count(WebhookDelivery, { webhook: webhook.id })).toBe(2);
  });
});
