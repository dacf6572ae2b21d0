import { DateTimeType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from '../../db/ids.js';

/** An email "sent" in development (no SMTP_URL): shown on /dev/mailbox, never outside development. */
@Entity({ tableName: 'dev_mail' })
export class DevMail {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Property({ type: 'string', length: 320 })
  to!: string;

  @Property({ type: 'string', length: 300 })
  subject!: string;

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
