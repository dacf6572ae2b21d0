import { DateTimeType, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';

export enum JoinRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(JoinRequestStatus, { name: 'JoinRequestStatus' });

/** An unaffiliated member asking to join an organisation; its admins decide. */
@ObjectType()
@Entity({ tableName: 'join_requests' })
@Index({ properties: ['organisation', 'status'] })
export class JoinRequest {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  @ManyToOne(() => Organisation, { ref: true, deleteRule: 'cascade' })
  organisation!: Ref<Organisation>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  message: string | null = null;

  @Field(() => JoinRequestStatus)
  @Enum({ items: () => JoinRequestStatus })
  status: JoinRequestStatus = JoinRequestStatus.PENDING;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  decidedAt: Date | null = null;
}
