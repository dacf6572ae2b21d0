import { Entity, Index, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { DateTimeType, type Ref } from '@mikro-orm/core';
import { MemberRole } from '@synapse/domain';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { Organisation } from '../organisation/organisation.entity.js';

export enum DigestFrequency {
  NONE = 'NONE',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
}
registerEnumType(DigestFrequency, { name: 'DigestFrequency', description: 'How often unread notifications are emailed.' });

/** A person; belongs to at most one organisation, with a role there. Only the public profile is exposed. */
@ObjectType({ description: "A member's public profile." })
@Entity({ tableName: 'members' })
@Index({ properties: ['organisation', 'role'] })
export class Member {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  jobTitle: string | null = null;

  /** Private: never exposed through the public profile. */
  @Unique()
  @Property({ type: 'string', length: 320 })
  email!: string;

  /** Null for unaffiliated readers (no verified domain matched, no join request approved yet). */
  @ManyToOne(() => Organisation, { ref: true, nullable: true })
  organisation: Ref<Organisation> | null = null;

  @Field(() => MemberRole)
  @Enum({ items: () => MemberRole })
  role: MemberRole = MemberRole.MEMBER;

  @Field(() => Boolean, { description: 'True for demonstration accounts in the demo data.' })
  @Property({ type: 'boolean' })
  isDemo: boolean = false;

  /** Manages organisations and their verified domains. */
  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  platformAdmin: boolean = false;

  /** How often unread notifications are emailed. */
  @Field(() => DigestFrequency)
  @Property({ type: 'string', length: 10 })
  digest: DigestFrequency = DigestFrequency.NONE;

  /** Reminders about reviews due and results overdue on the organisation's experiments (switchable off). */
  @Property({ type: 'boolean', default: true })
  freshnessReminders: boolean = true;

  @Property({ type: DateTimeType, nullable: true })
  lastDigestAt: Date | null = null;

  /** Set when the person deleted their account: the record stays, anonymised, for content attribution. */
  @Property({ type: DateTimeType, nullable: true })
  deletedAt: Date | null = null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
