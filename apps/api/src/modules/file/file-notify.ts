import { createHash } from 'node:crypto';
import type { EntityManager } from '../../db/orm.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Member } from '../member/member.entity.js';
import { teamOf } from '../notification/fan-out-rules.js';
import { Notification, NotificationKind } from '../notification/notification.entity.js';

/**
 * Tells an experiment's team about a problem with one of its artefacts (a rejected file, a broken link), in
 * the caller's unit of work. `eventKey` makes it once per member however often a job retries.
 */
export async function notifyTeam(em: EntityManager, experimentId: string, eventKey: string, message: string): Promise<void> {
  const experiment = await em.findOne(Experiment, { id: experimentId });
  if (!experiment) return;
  // Notification ids of events are 36 characters: a digest of the key fits and stays the same on a retry.
  const eventId = createHash('sha256').update(eventKey).digest('hex').slice(0, 36);
  const already = new Set((await em.find(Notification, { eventId }, { fields: ['member'] })).map((n) => n.member.id));
  for (const memberId of new Set(await teamOf(em, experiment))) {
    if (already.has(memberId)) continue;
    em.persist(
      Object.assign(new Notification(), {
        member: em.getReference(Member, memberId, { wrapped: true }),
        eventId,
        kind: NotificationKind.ARTEFACT_PROBLEM,
        experiment,
        message,
      }),
    );
  }
}
