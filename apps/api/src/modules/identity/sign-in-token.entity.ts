import { DateTimeType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from '../../db/ids.js';

/** A single-use, short-lived sign-in link token, stored as its SHA-256. */
@Entity({ tableName: 'sign_in_tokens' })
@Index({ properties: ['email'] })
export class SignInToken {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Unique()
  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @Property({ type: 'string', length: 320 })
  email!: string;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType })
  expiresAt!: Date;

  @Property({ type: DateTimeType, nullable: true })
  usedAt: Date | null = null;
}
