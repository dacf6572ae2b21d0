import { DateTimeType } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from '../../db/ids.js';

export enum OutboxTarget {
  EXPERIMENT = 'EXPERIMENT',
  ORGANISATION = 'ORGANISATION',
}

/**
 * "This record changed; its search documents must be refreshed." Written in the same transaction as the
 * change (see SearchOutboxSubscriber), deleted once delivered to Meilisearch, kept with its error while not.
 */
@Entity({ tableName: 'search_outbox' })
@Index({ properties: ['availableAt'] })
export class SearchOutboxEntry {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Enum({ items: () => OutboxTarget })
  target!: OutboxTarget;

  @Property({ type: 'string', length: 36 })
  targetId!: string;

  @Property({ type: 'integer' })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  /** Not before this time (retries back off). */
  @Property({ type: DateTimeType })
  availableAt: Date = new Date();

  /** A worker's lease: others leave the entry alone until it expires. */
  @Property({ type: 'string', length: 36, nullable: true })
  claimedBy: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  claimedUntil: Date | null = null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
