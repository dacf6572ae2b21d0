import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { DigestFrequency, Member } from '../member/member.entity.js';
import { Notification, NotificationKind } from '../notification/notification.entity.js';
import { sendDigests } from '../notification/notification.service.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { networkOverdueBatches } from './overdue.service.js';
import { freshnessReminderSchedule, sendFreshnessReminders } from './reminder.service.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const day = (date: string) => new Date(`${date}T06:00:00Z`);
const remind = (date: string) => sendFreshnessReminders(h.em(), h.config.freshness, day(date));

async function reminders(member: Member, experiment: Experiment, kind?: NotificationKind): Promise<Notification[]> {
  return h.em().find(Notification, { member: member.id, experiment: experiment.id, ...(kind ? { kind } : {}) }, { orderBy: { createdAt: 'asc' } });
}

/** A council with a published pilot (changed on `changedOn`, ending on `endDate`) and its editor. */
async function team(changedOn: string, endDate: string | null): Promise<{ council: Organisation; editor: Member; experiment: Experiment }> {
  const council = await buildCouncil(h.em());
  const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
  const experiment = await buildExperiment(h.em(), { lead: council });
  await h.em().nativeUpdate(Experiment, { id: experiment.id }, { contentChangedAt: day(changedOn), startDate: endDate ? '2028-01-01' : null, endDate });
  return { council, editor, experiment };
}

describe('reminders (time travel: the job passes its clock)', () => {
  it('results overdue: from the day after the end date, then every RESULTS_REMINDER_DAYS, at most one per interval', async () => {
    const { editor, experiment } = await team('2029-05-01', '2029-06-30');
    await remind('2029-06-30');
    expect(await reminders(editor, experiment)).toHaveLength(0);
    await remind('2029-07-01');
    await remind('2029-07-01'); // a repeat, or a second process, is harmless
    await remind('2029-08-15');
    const first = await reminders(editor, experiment, NotificationKind.RESULTS_OVERDUE);
    expect(first).toHaveLength(1);
    expect(first[0]?.message).toContain('ended on 30 June 2029');
    await remind('2029-08-29'); // 60 days after the end date: the next interval
    expect(await reminders(editor, experiment, NotificationKind.RESULTS_OVERDUE)).toHaveLength(2);
  });

  it('review due: on the due date, then every REVIEW_REMINDER_DAYS; "still accurate" stops them until the next cycle', async () => {
    const { editor, experiment } = await team('2029-03-10', null);
    await remind('2030-03-09');
    expect(await reminders(editor, experiment)).toHaveLength(0);
    await remind('2030-03-10');
    await remind('2030-04-08');
    expect(await reminders(editor, experiment, NotificationKind.REVIEW_DUE)).toHaveLength(1);
    await remind('2030-04-09');
    expect(await reminders(editor, experiment, NotificationKind.REVIEW_DUE)).toHaveLength(2);

    h.clock.set(day('2030-04-20'));
    expect((await h.run('mutation($id: ID!) { confirmExperimentStillAccurate(id: $id) { id } }', { id: experiment.id }, editor)).errors).toBeUndefined();
    await remind('2030-05-20');
    await remind('2031-04-19');
    expect(await reminders(editor, experiment, NotificationKind.REVIEW_DUE)).toHaveLength(2);
    await remind('2031-04-20');
    expect(await reminders(editor, experiment, NotificationKind.REVIEW_DUE)).toHaveLength(3);
  });

  it('go to editors and admins still in the organisation with reminders on; never to readers, leavers, movers or those who opted out', async () => {
    const { council, editor, experiment } = await team('2029-05-01', '2029-06-30');
    const admin = await buildMember(h.em(), council, MemberRole.ADMIN);
    const reader = await buildMember(h.em(), council, MemberRole.MEMBER);
    const leaver = await buildMember(h.em(), council, MemberRole.EDITOR, { deletedAt: new Date('2029-06-01') });
    const mover = await buildMember(h.em(), council, MemberRole.EDITOR);
    const elsewhere = await buildCouncil(h.em());
    await h.em().nativeUpdate(Member, { id: mover.id }, { organisation: elsewhere.id });
    const optedOut = await buildMember(h.em(), council, MemberRole.ADMIN);
    const off = await h.run('mutation { setReminderSettings(input: { enabled: false }) { enabled } }', {}, optedOut);
    expect(off.data.setReminderSettings).toEqual({ enabled: false });
    expect((await h.run('{ reminderSettings { enabled } }', {}, optedOut)).data.reminderSettings).toEqual({ enabled: false });
    expect(errorCodes(await h.run('mutation { setReminderSettings(input: { enabled: false }) { enabled } }', {}, null))).toEqual(['FORBIDDEN']);

    await remind('2029-07-02');
    expect(await reminders(editor, experiment)).toHaveLength(1);
    expect(await reminders(admin, experiment)).toHaveLength(1);
    for (const person of [reader, leaver, mover, optedOut]) expect(await reminders(person, experiment)).toHaveLength(0);
  });

  it('settings refuse a missing or non-boolean choice with BAD_USER_INPUT, leaving reminders on', async () => {
    const { editor } = await team('2029-05-01', '2029-06-30');
    const SET = 'mutation($enabled: Boolean!) { setReminderSettings(input: { enabled: $enabled }) { enabled } }';
    for (const enabled of [null, 'no']) {
      const result = await h.run(SET, { enabled }, editor);
      expect(errorCodes(result), String(enabled)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(result.errors)).toContain('$enabled');
    }
    expect((await h.run('{ reminderSettings { enabled } }', {}, editor)).data.reminderSettings).toEqual({ enabled: true });
  });

  it('reach the email digest of members who chose one', async () => {
    const { editor, experiment } = await team('2029-05-01', '2029-06-30');
    await h.em().nativeUpdate(Member, { id: editor.id }, { digest: DigestFrequency.DAILY });
    await remind('2029-07-03');
    h.mail.length = 0;
    await sendDigests(h.em(), { send: async (mail) => void h.mail.push(mail) }, h.config, day('2029-07-03'));
    const mine = h.mail.filter((mail) => mail.to === editor.email);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.text).toContain(`“${experiment.title}” ended on 30 June 2029`);
  });
});

describe('the reminder job on the job queue', () => {
  it('runs on its schedule with the worker clock, once per interval across workers', async () => {
    const { JOB_SCHEDULES } = await import('../job/job-registry.js');
    const schedules = JOB_SCHEDULES.filter((schedule) => schedule.type === freshnessReminderSchedule.type);
    expect(schedules).toHaveLength(1);
    const { editor, experiment } = await team('2029-05-01', '2029-06-30');
    h.clock.set(day('2029-07-05'));
    const first = h.jobWorker({ schedules });
    const second = h.jobWorker({ schedules });
    expect((await first.tickSchedules()) + (await second.tickSchedules())).toBe(1);
    await h.runJobs();
    expect(await reminders(editor, experiment, NotificationKind.RESULTS_OVERDUE)).toHaveLength(1);
  });
});

describe('a reminder scan of the whole network', () => {
  it('finds every overdue experiment across its pages without building an entity (100,000 filled a 1 GiB heap at start-up)', async () => {
    const teams = [];
    for (let n = 0; n < 5; n++) teams.push(await team('2029-03-10', null));
    const em = h.em().fork();
    const found = new Map<string, string>();
    for await (const batch of networkOverdueBatches(em, day('2030-03-10'), h.config.freshness, 2)) {
      for (const item of batch) found.set(item.experiment.id, `${item.kind} ${item.since} ${item.experiment.title}`);
    }
    for (const { experiment } of teams) expect(found.get(experiment.id)).toBe(`REVIEW_DUE 2030-03-10 ${experiment.title}`);
    expect(em.getUnitOfWork().getIdentityMap().values().filter((entity) => entity instanceof Experiment)).toHaveLength(0);
  });
});
