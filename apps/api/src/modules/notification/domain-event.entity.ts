import { DateTimeType } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
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
}

/**
 * Something that happened to a published experiment, written in the same transaction as the change and
 * fanned out to followers later by the NotificationWorker, never in the request.
 */
@Entity({ tableName: 'domain_events' })
@Index({ properties: ['availableAt'] })
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

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: DateTimeType })
  availableAt: Date = new Date();

  @Property({ type: 'string', length: 36, nullable: true })
  claimedBy: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  claimedUntil: Date | null = null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
