import { DateTimeType } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from '../../db/ids.js';

export enum EventKind {
  /** An experiment was published (a fork too: then FORK_PUBLISHED follows as well). */
  NEW_EXPERIMENT = 'NEW_EXPERIMENT',
  NEW_OUTCOME = 'NEW_OUTCOME',
  STAGE_CHANGE = 'STAGE_CHANGE',
  FORK_PUBLISHED = 'FORK_PUBLISHED',
  /** An artefact was added, or given a new version. */
  ARTEFACT_CHANGED = 'ARTEFACT_CHANGED',
  /** A discussion was started (on an experiment, or a network question). */
  NEW_DISCUSSION = 'NEW_DISCUSSION',
  /** Someone replied in a discussion. */
  NEW_REPLY = 'NEW_REPLY',
  /** A reply was marked as the answer. */
  ANSWER_MARKED = 'ANSWER_MARKED',
  /** The team invited someone who recorded interest to co-edit (data.invitationId). */
  CO_EDITOR_INVITED = 'CO_EDITOR_INVITED',
}

/**
 * Something that happened to a published experiment, written in the same transaction as the change (with a
 * `notification.fan-out` job, see events.ts) and fanned out to followers and webhooks by that job, never in the
 * request. The job deletes the event in the transaction that creates the notifications and deliveries.
 */
@Entity({ tableName: 'domain_events' })
export class DomainEvent {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Enum({ items: () => EventKind })
  kind!: EventKind;

  /** Null for events about a network question (a discussion on no experiment). */
  @Property({ type: 'string', length: 36, nullable: true })
  experimentId: string | null = null;

  @Property({ type: 'string', length: 36, nullable: true })
  discussionId: string | null = null;

  /** Who caused it (never notified about their own action). */
  @Property({ type: 'string', length: 36, nullable: true })
  actorId: string | null = null;

  @Property({ type: 'json', nullable: true })
  data: Record<string, unknown> | null = null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
