import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { ExperimentStatus, SERVICE_AREA_SLUGS } from '@synapse/domain';
import type { AppConfig } from '../../config.js';
import { type EntityManager, entityManager } from '../../db/orm.js';
import { BadInputError, ForbiddenError } from '../../errors.js';
import { ExperimentTeamMember } from '../experiment/experiment-team-member.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { experimentPolicy } from '../experiment/experiment.policy.js';
import { accessFor } from '../experiment/experiment.service.js';
import type { Mailer } from '../identity/mailer.js';
import { DigestFrequency, Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { DomainEvent, EventKind } from './domain-event.entity.js';
import { Follow, FollowTarget } from './follow.entity.js';
import { Notification, NotificationKind } from './notification.entity.js';
import { enqueueDeliveries } from '../webhook/webhook.service.js';
import { discussionDeliveries, isDiscussionEvent } from '../discussion/discussion-notifications.js';
import { findVisibleDiscussion } from '../discussion/discussion.service.js';

/** Checks a follow target exists and may be seen; returns the normalised key. */
async function followKey(em: EntityManager, viewer: Member, target: FollowTarget, key: string): Promise<string> {
  const value = key.trim();
  switch (target) {
    case FollowTarget.EXPERIMENT: {
      const experiment = await em.findOne(Experiment, { id: value });
      if (!experiment || !experimentPolicy.view(await accessFor(viewer, experiment))) throw BadInputError.field('input.key', 'no experiment you can see has this id');
      return value;
    }
    case FollowTarget.ORGANISATION:
      if (!(await em.findOne(Organisation, { id: value }))) throw BadInputError.field('input.key', 'no organisation has this id');
      return value;
    case FollowTarget.SERVICE_AREA:
      if (!SERVICE_AREA_SLUGS.includes(value)) throw BadInputError.field('input.key', 'not a known service area slug');
      return value;
    case FollowTarget.THEME:
      if (!value || value.length > 60) throw BadInputError.field('input.key', 'a theme is 1 to 60 characters');
      return value.toLowerCase();
    case FollowTarget.DISCUSSION:
      if (!(await findVisibleDiscussion(em, viewer, value))) throw BadInputError.field('input.key', 'no discussion you can see has this id');
      return value;
  }
}

export async function follow(em: EntityManager, viewer: Member | null, target: FollowTarget, key: string): Promise<Follow> {
  if (!viewer) throw new ForbiddenError('follow: sign in first');
  const targetKey = await followKey(em, viewer, target, key);
  const existing = await em.findOne(Follow, { member: viewer.id, target, targetKey });
  if (existing) return existing;
  const created = Object.assign(new Follow(), { member: em.getReference(Member, viewer.id, { wrapped: true }), target, targetKey });
  await em.persist(created).flush();
  return created;
}

export async function unfollow(em: EntityManager, viewer: Member | null, target: FollowTarget, key: string): Promise<boolean> {
  if (!viewer) throw new ForbiddenError('unfollow: sign in first');
  const targetKey = target === FollowTarget.THEME ? key.trim().toLowerCase() : key.trim();
  return (await em.nativeDelete(Follow, { member: viewer.id, target, targetKey })) > 0;
}

export async function markRead(em: EntityManager, viewer: Member | null, ids: string[] | null): Promise<number> {
  if (!viewer) throw new ForbiddenError('read notifications: sign in first');
  const where = ids ? { member: viewer.id, readAt: null, id: { $in: ids } } : { member: viewer.id, readAt: null };
  return em.nativeUpdate(Notification, where, { readAt: new Date() });
}

export async function setDigest(em: EntityManager, viewer: Member | null, digest: DigestFrequency): Promise<Member> {
  if (!viewer) throw new ForbiddenError('choose an email digest: sign in first');
  const member = await em.findOneOrFail(Member, { id: viewer.id });
  member.digest = digest;
  await em.flush();
  return member;
}

async function followersOf(em: EntityManager, targets: [FollowTarget, string[]][]): Promise<string[]> {
  const conditions = targets.filter(([, keys]) => keys.length).map(([target, keys]) => ({ target, targetKey: { $in: keys } }));
  if (conditions.length === 0) return [];
  const follows = await em.find(Follow, { $or: conditions }, { fields: ['member'] });
  return follows.map((entry) => entry.member.id);
}

/** The team of an experiment: its lead organisation's members and its named co-editors. */
async function teamOf(em: EntityManager, experiment: Experiment): Promise<string[]> {
  const members = await em.find(Member, { organisation: experiment.leadOrganisation.id, deletedAt: null }, { fields: ['id'] });
  const coEditors = await em.find(ExperimentTeamMember, { experiment: experiment.id }, { fields: ['member'] });
  return [...members.map((m) => m.id), ...coEditors.map((c) => c.member.id)];
}

interface Delivery {
  kind: NotificationKind;
  recipients: string[];
  message: string;
}

/** Who hears about an event, and what they are told. Only published experiments are ever mentioned. */
async function deliveriesFor(em: EntityManager, event: DomainEvent): Promise<Delivery[]> {
  if (isDiscussionEvent(event)) return discussionDeliveries(em, event);
  const experiment = await em.findOne(Experiment, { id: event.experimentId }, { populate: ['leadOrganisation', 'serviceAreas'] });
  if (!experiment || experiment.status !== ExperimentStatus.PUBLISHED) return [];
  const lead = experiment.leadOrganisation.getEntity().name;
  const title = `“${experiment.title}”`;
  const forkTeams = async () => {
    const forks = await em.find(Experiment, { forkParent: experiment.id });
    return (await Promise.all(forks.map((fork) => teamOf(em, fork)))).flat();
  };
  switch (event.kind) {
    case EventKind.NEW_EXPERIMENT:
      return [
        {
          kind: NotificationKind.NEW_EXPERIMENT,
          recipients: await followersOf(em, [
            [FollowTarget.SERVICE_AREA, experiment.serviceAreas.getItems().map((area) => area.slug)],
            [FollowTarget.THEME, experiment.themes],
            [FollowTarget.ORGANISATION, [experiment.leadOrganisation.id]],
          ]),
          message: `${lead} published ${title}.`,
        },
      ];
    case EventKind.NEW_OUTCOME: {
      const outcome = `${String(event.data?.title ?? 'a new outcome')} (${String(event.data?.verdict ?? '').toLowerCase().replace(/_/g, ' ')})`;
      return [
        { kind: NotificationKind.NEW_OUTCOME, recipients: await followersOf(em, [[FollowTarget.EXPERIMENT, [experiment.id]]]), message: `${lead} published an outcome for ${title}: ${outcome}.` },
        { kind: NotificationKind.UPSTREAM_CHANGE, recipients: await forkTeams(), message: `${title}, which you adapted, has a new outcome since you forked it: ${outcome}.` },
      ];
    }
    case EventKind.STAGE_CHANGE:
      return [
        {
          kind: NotificationKind.STAGE_CHANGE,
          recipients: await followersOf(em, [[FollowTarget.EXPERIMENT, [experiment.id]]]),
          message: `${title} moved to ${String(event.data?.to ?? experiment.stage).toLowerCase()}.`,
        },
      ];
    case EventKind.FORK_PUBLISHED: {
      const parent = await em.findOne(Experiment, { id: String(event.data?.parentId) });
      if (!parent || parent.status !== ExperimentStatus.PUBLISHED) return [];
      const recipients = [...(await followersOf(em, [[FollowTarget.EXPERIMENT, [parent.id]]])), ...(await teamOf(em, parent))];
      return [{ kind: NotificationKind.FORKED, recipients, message: `${lead} published an adaptation of “${parent.title}”: ${title}.` }];
    }
    case EventKind.ARTEFACT_CHANGED: {
      const what = `“${String(event.data?.title ?? 'an artefact')}”${event.data?.documentVersion ? ` (version ${String(event.data.documentVersion)})` : ''}`;
      return [{ kind: NotificationKind.UPSTREAM_CHANGE, recipients: await forkTeams(), message: `${title}, which you adapted, has ${event.data?.change === 'added' ? 'a new artefact' : 'a new version of'} ${what}.` }];
    }
    default:
      return [];
  }
}

/** Turns an event into notifications: one per person, never to the person who acted. Idempotent. */
export async function fanOut(em: EntityManager, event: DomainEvent): Promise<number> {
  let created = 0;
  const notified = new Set<string>((await em.find(Notification, { eventId: event.id }, { fields: ['member'] })).map((n) => n.member.id));
  for (const delivery of await deliveriesFor(em, event)) {
    for (const memberId of new Set(delivery.recipients)) {
      if (memberId === event.actorId || notified.has(memberId)) continue;
      notified.add(memberId);
      em.persist(
        Object.assign(new Notification(), {
          member: em.getReference(Member, memberId, { wrapped: true }),
          eventId: event.id,
          kind: delivery.kind,
          experiment: event.experimentId ? em.getReference(Experiment, event.experimentId, { wrapped: true }) : null,
          discussionId: event.discussionId,
          message: delivery.message,
        }),
      );
      created++;
    }
  }
  await em.flush();
  return created;
}

const DIGEST_DAYS = { DAILY: 1, WEEKLY: 7 } as const;

/** Emails each member who chose a digest their unread, not yet emailed notifications, when their period is up. */
export async function sendDigests(em: EntityManager, mailer: Mailer, config: AppConfig, now = new Date()): Promise<number> {
  let sent = 0;
  const members = await em.find(Member, { digest: { $in: [DigestFrequency.DAILY, DigestFrequency.WEEKLY] }, deletedAt: null });
  for (const member of members) {
    const days = DIGEST_DAYS[member.digest as 'DAILY' | 'WEEKLY'];
    if (member.lastDigestAt && now.getTime() - member.lastDigestAt.getTime() < days * 86_400_000 - 60_000) continue;
    const unread = await em.find(Notification, { member: member.id, readAt: null, emailedAt: null }, { orderBy: { createdAt: 'asc' }, limit: 50 });
    member.lastDigestAt = now;
    if (unread.length) {
      const lines = unread.map((n) => `- ${n.message}`).join('\n');
      await mailer.send({
        to: member.email,
        subject: `Synapse: ${unread.length} update${unread.length === 1 ? '' : 's'} on what you follow`,
        text: `${lines}\n\nSee them all: ${config.publicUrl}/notifications\nChange how often you get this email in your account settings.`,
      });
      for (const notification of unread) notification.emailedAt = now;
      sent++;
    }
    await em.flush();
  }
  return sent;
}

export interface NotificationWorkerOptions {
  pollMs?: number;
  digestEveryMs?: number;
  log?: (message: string) => void;
}

/**
 * Fans domain events out to notifications in the background (leased like the search outbox, so several API
 * processes can run it), and sends email digests.
 */
export class NotificationWorker {
  private readonly id = randomUUID();
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
    private readonly options: NotificationWorkerOptions = {},
  ) {}

  /** Processes every due event; returns how many notifications were created. */
  async drain(): Promise<number> {
    let created = 0;
    for (;;) {
      const em = entityManager(this.orm).fork();
      const now = new Date();
      const due = await em.find(DomainEvent, { availableAt: { $lte: now }, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] }, { orderBy: { createdAt: 'asc' }, limit: 50 });
      if (due.length === 0) return created;
      let progressed = false;
      for (const event of due) {
        const claimed = await em.nativeUpdate(
          DomainEvent,
          { id: event.id, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
          { claimedBy: this.id, claimedUntil: new Date(now.getTime() + 60_000) },
        );
        if (claimed !== 1) continue;
        try {
          created += await fanOut(entityManager(this.orm).fork(), event);
          await enqueueDeliveries(entityManager(this.orm).fork(), this.config, event);
          await em.nativeDelete(DomainEvent, { id: event.id });
          progressed = true;
        } catch (error) {
          const delay = Math.min(300_000, 1000 * 2 ** Math.min(event.attempts, 10));
          await em.nativeUpdate(DomainEvent, { id: event.id }, { attempts: event.attempts + 1, lastError: String((error as Error).message).slice(0, 2000), availableAt: new Date(Date.now() + delay), claimedBy: null, claimedUntil: null });
          this.options.log?.(`Notification fan-out failed, will retry: ${(error as Error).message}`);
        }
      }
      if (!progressed) return created;
    }
  }

  start(): void {
    const tick = () => {
      this.running ??= this.drain()
        .catch((error: Error) => this.options.log?.(`Notifications: ${error.message}`))
        .finally(() => {
          this.running = null;
        });
    };
    this.timers.push(setInterval(tick, this.options.pollMs ?? 1000));
    this.timers.push(
      setInterval(() => {
        void sendDigests(entityManager(this.orm).fork(), this.mailer, this.config).catch((error: Error) => this.options.log?.(`Digests: ${error.message}`));
      }, this.options.digestEveryMs ?? 3_600_000),
    );
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await this.running;
  }
}
