import { DateTimeType, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from '../../db/ids.js';
import { Member } from '../member/member.entity.js';

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
@Entity({ tableName: 'sessions' })
@Index({ properties: ['member'] })
export class Session {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Unique()
  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  /** Sent back by the client in x-csrf-token on cookie-authenticated mutations. */
  @Property({ type: 'string', length: 64 })
  csrfToken!: string;

  @Property({ type: 'string', length: 300, nullable: true })
  userAgent: string | null = null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType })
  lastSeenAt: Date = new Date();

  @Property({ type: DateTimeType })
  expiresAt!: Date;
}
