import { DateTimeType, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { Member } from '../member/member.entity.js';

export enum FollowTarget {
  EXPERIMENT = 'EXPERIMENT',
  SERVICE_AREA = 'SERVICE_AREA',
  THEME = 'THEME',
  ORGANISATION = 'ORGANISATION',
  DISCUSSION = 'DISCUSSION',
}
registerEnumType(FollowTarget, { name: 'FollowTarget' });

/** Something a member follows: an experiment (by id), a service area (slug), a theme (text), an organisation (id) or a discussion (id). */
@ObjectType()
@Entity({ tableName: 'follows' })
@Unique({ properties: ['member', 'target', 'targetKey'] })
@Index({ properties: ['target', 'targetKey'] })
export class Follow {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  @Field(() => FollowTarget)
  @Enum({ items: () => FollowTarget })
  target!: FollowTarget;

  @Field(() => String, { description: 'Experiment or organisation id, service area slug, or theme.' })
  @Property({ type: 'string', length: 100 })
  targetKey!: string;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
