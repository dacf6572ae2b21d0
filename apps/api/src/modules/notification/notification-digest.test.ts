import { ExperimentStatus, MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import type { JobWorker } from '../job/job-worker.js';
import { NOTIFICATION_JOB_HANDLERS } from './notification.jobs.js';
import { sendDigests } from './notification.service.js';

// Unread notifications emailed when the member's period is up.

let h: Harness;
let worker: JobWorker;
beforeAll(async () => {
  h = await createHarness();
  worker = h.jobWorker({ handlers: NOTIFICATION_JOB_HANDLERS });
});
afterAll(async () => {
  await h.close();
});

describe('digests', () => {
  it('emails a digest of unread notifications when the period is up, and not twice', async () => {
    const council = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    const follower = await buildMember(h.em(), null, MemberRole.MEMBER);
    await h.run('mutation { setNotificationDigest(input: { frequency: DAILY }) { digest } }', {}, follower);
    await h.run('mutation($org: String!) { follow(input: { target: ORGANISATION, key: $org }) { id } }', { org: council.id }, follower);
    const draft = await buildExperiment(h.em(), { lead: council, title: 'Digest pilot', status: ExperimentStatus.DRAFT });
    await h.run('mutation($id: ID!) { publishExperiment(id: $id, version: 1) { id } }', { id: draft.id }, editor);
    await worker.drain();
    const before = h.mail.length;
    await sendDigests(h.em(), { send: async (mail) => void h.mail.push(mail) }, h.config);
    const digest = h.mail.slice(before).find((mail) => mail.to === follower.email);
    expect(digest?.text).toContain('published “Digest pilot”');
    const again = h.mail.length;
    await sendDigests(h.em(), { send: async (mail) => void h.mail.push(mail) }, h.config);
    expect(h.mail.slice(again).filter((mail) => mail.to === follower.email)).toEqual([]);
  });
});

