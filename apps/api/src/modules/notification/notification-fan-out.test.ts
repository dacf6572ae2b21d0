import { ExperimentStatus, MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { notificationsOf as notificationsOfMember } from '../../../test/notifications.js';
import type { JobWorker } from '../job/job-worker.js';
import type { Member } from '../member/member.entity.js';
import { NOTIFICATION_JOB_HANDLERS } from './notification.jobs.js';
import { Artefact } from '../artefact/artefact.entity.js';

// Who hears about what (fan-out-rules.ts), run by the notification jobs. Digests: notification-digest.test.ts.

let h: Harness;
let worker: JobWorker;
beforeAll(async () => {
  h = await createHarness();
  worker = h.jobWorker({ handlers: NOTIFICATION_JOB_HANDLERS });
});
afterAll(async () => {
  await h.close();
});

const notificationsOf = (member: Member) => notificationsOfMember(h, member);

const FORK = 'mutation($id: ID!, $notes: String!) { forkExperiment(input: { experimentId: $id, adaptationNotes: $notes }) { id } }';

/** An adaptation's write-up in its own words, as publishing requires. */
const OWN_WORDS = 'summary: "Our version, for market towns.", problem: "Our problem is different here.", approach: "What we are changing for our area."';

describe('following and fan-out', () => {
  it('tells followers of a service area about a new experiment once, and never the person who published it', async () => {
    const council = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    const follower = await buildMember(h.em(), null, MemberRole.MEMBER);
    await h.run('mutation { follow(input: { target: SERVICE_AREA, key: "waste" }) { id } }', {}, follower);
    await h.run('mutation($org: String!) { follow(input: { target: ORGANISATION, key: $org }) { id } }', { org: council.id }, follower);
    await h.run('mutation { follow(input: { target: SERVICE_AREA, key: "waste" }) { id } }', {}, editor);
    const draft = await buildExperiment(h.em(), { lead: council, title: 'Bin sensors', serviceAreas: ['waste'], status: ExperimentStatus.DRAFT });
    // Creating and editing a draft tells nobody.
    await h.run('mutation($id: ID!) { updateExperiment(id: $id, version: 1, input: { stage: PILOT }) { id } }', { id: draft.id }, editor);
    await h.run('mutation($id: ID!) { addOutcome(experimentId: $id, input: { title: "Early data", verdict: MIXED, evaluationDesign: CASE_STUDY, evidenceLevel: 1 }) { id } }', { id: draft.id }, editor);
    await worker.drain();
    expect(await notificationsOf(follower)).toEqual([]);

    const current = (await h.run('query($id: ID) { experiment(id: $id) { version } }', { id: draft.id }, editor)).data.experiment.version;
    await h.run('mutation($id: ID!, $v: Int!) { publishExperiment(id: $id, version: $v) { id } }', { id: draft.id, v: current }, editor);
    expect(await notificationsOf(follower)).toEqual([]); // fan-out happens in the background, not in the request
    await worker.drain();
    expect(await notificationsOf(follower)).toEqual([{ kind: 'NEW_EXPERIMENT', experiment: draft.id, message: expect.stringContaining('published “Bin sensors”') }]);
    expect(await notificationsOf(editor)).toEqual([]);

    const unread = await h.run('{ unreadNotificationCount notifications(first: 5) { nodes { id kind message experiment { title } } } }', {}, follower);
    expect(unread.data.unreadNotificationCount).toBe(1);
    expect(unread.data.notifications.nodes[0].experiment).toEqual({ title: 'Bin sensors' });
    expect((await h.run('mutation { markNotificationsRead }', {}, follower)).data.markNotificationsRead).toBe(1);
    expect((await h.run('{ unreadNotificationCount }', {}, follower)).data.unreadNotificationCount).toBe(0);
  });

  it('tells followers of an experiment about new outcomes and stage changes', async () => {
    const council = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    const experiment = await buildExperiment(h.em(), { lead: council, title: 'School streets' });
    const follower = await buildMember(h.em(), null, MemberRole.MEMBER);
    await h.run('mutation($id: String!) { follow(input: { target: EXPERIMENT, key: $id }) { id } }', { id: experiment.id }, follower);
    await h.run('mutation($id: ID!) { addOutcome(experimentId: $id, input: { title: "Less traffic", verdict: WORKED, evaluationDesign: BEFORE_AFTER, evidenceLevel: 2 }) { id } }', { id: experiment.id }, editor);
    const version = (await h.run('query($id: ID) { experiment(id: $id) { version } }', { id: experiment.id })).data.experiment.version;
    await h.run('mutation($id: ID!, $v: Int!) { updateExperiment(id: $id, version: $v, input: { stage: SCALING }) { id } }', { id: experiment.id, v: version }, editor);
    await worker.drain();
    expect((await notificationsOf(follower)).map((n) => n.kind).sort()).toEqual(['NEW_OUTCOME', 'STAGE_CHANGE']);
    // Enums in words, from the labels in @synapse/domain: not "moved to scaling" or "(worked)".
    const messages = (await notificationsOf(follower)).map((n) => n.message).sort();
    expect(messages).toEqual([expect.stringContaining('Less traffic (verdict: worked).'), '“School streets” moved to the scaling stage.']);
  });

  it('tells fork teams what changed upstream, and the original team when a fork is published', async () => {
    const originalCouncil = await buildCouncil(h.em());
    const originalEditor = await buildMember(h.em(), originalCouncil, MemberRole.EDITOR);
    const originalColleague = await buildMember(h.em(), originalCouncil, MemberRole.MEMBER);
    const original = await buildExperiment(h.em(), { lead: originalCouncil, title: 'Repair cafés', artefacts: 1 });
    const forkCouncil = await buildCouncil(h.em());
    const forkEditor = await buildMember(h.em(), forkCouncil, MemberRole.EDITOR);
    const forkColleague = await buildMember(h.em(), forkCouncil, MemberRole.MEMBER);
    const fork = (await h.run(FORK, { id: original.id, notes: 'Adapted for market towns.' }, forkEditor)).data.forkExperiment;
    await worker.drain();
    expect(await notificationsOf(originalColleague)).toEqual([]); // a draft fork is not announced

    await h.run(
      'mutation($id: ID!) { addOutcome(experimentId: $id, input: { title: "Year two results", verdict: WORKED, evaluationDesign: BEFORE_AFTER, evidenceLevel: 2 }) { id } }',
      { id: original.id },
      originalEditor,
    );
    const [artefact] = await h.em().find(Artefact, { experiment: original.id });
    await h.run('mutation($id: ID!) { updateArtefact(id: $id, version: 1, input: { documentVersion: "2.0" }) { id } }', { id: artefact.id }, originalEditor);
    await worker.drain();
    const upstream = await notificationsOf(forkColleague);
    expect(upstream.map((n) => n.kind)).toEqual(['UPSTREAM_CHANGE', 'UPSTREAM_CHANGE']);
    expect(upstream.map((n) => n.message).join(' ')).toMatch(/which you adapted, has a new outcome.*Year two results/);
    expect(upstream.map((n) => n.message).join(' ')).toMatch(/new version of “Toolkit 1” \(version 2\.0\)/);

    await h.run(`mutation($id: ID!) { updateExperiment(id: $id, version: 1, input: { serviceAreas: ["waste"], ${OWN_WORDS} }) { version } }`, { id: fork.id }, forkEditor);
    await h.run('mutation($id: ID!) { publishExperiment(id: $id, version: 2) { id } }', { id: fork.id }, forkEditor);
    await worker.drain();
    expect((await notificationsOf(originalColleague)).map((n) => n.kind)).toEqual(['FORKED']);
  });

  it('never reveals drafts or withdrawn experiments', async () => {
    const council = await buildCouncil(h.em());
    const admin = await buildMember(h.em(), council, MemberRole.ADMIN);
    const follower = await buildMember(h.em(), null, MemberRole.MEMBER);
    await h.run('mutation($org: String!) { follow(input: { target: ORGANISATION, key: $org }) { id } }', { org: council.id }, follower);
    const hidden = await buildExperiment(h.em(), { lead: council, status: ExperimentStatus.DRAFT });
    expect(errorCodes(await h.run('mutation($id: String!) { follow(input: { target: EXPERIMENT, key: $id }) { id } }', { id: hidden.id }, follower))).toEqual(['BAD_USER_INPUT']);
    // Published, then withdrawn before the worker ran: nobody hears of it.
    await h.run('mutation($id: ID!) { publishExperiment(id: $id, version: 1) { id } }', { id: hidden.id }, admin);
    await h.run('mutation($id: ID!) { archiveExperiment(id: $id, version: 2) { id } }', { id: hidden.id }, admin);
    await worker.drain();
    expect(await notificationsOf(follower)).toEqual([]);
  });
});
