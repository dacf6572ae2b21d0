import { DateTimeType, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Member } from '../member/member.entity.js';

export enum NotificationKind {
  NEW_EXPERIMENT = 'NEW_EXPERIMENT',
  NEW_OUTCOME = 'NEW_OUTCOME',
  STAGE_CHANGE = 'STAGE_CHANGE',
  FORKED = 'FORKED',
  UPSTREAM_CHANGE = 'UPSTREAM_CHANGE',
  NEW_DISCUSSION = 'NEW_DISCUSSION',
  NEW_REPLY = 'NEW_REPLY',
  ANSWER_MARKED = 'ANSWER_MARKED',
  /** To the team: an uploaded file was rejected by the virus scanner, or an artefact's link stopped working. */
  ARTEFACT_PROBLEM = 'ARTEFACT_PROBLEM',
  /** Reminder to the team: the experiment is due for review (freshness module). */
  REVIEW_DUE = 'REVIEW_DUE',
  /** Reminder to the team: the end date has passed and no outcome is reported. */
  RESULTS_OVERDUE = 'RESULTS_OVERDUE',
  /** A newly published experiment matches one of your saved searches (saved-search module). */
  SAVED_SEARCH_MATCH = 'SAVED_SEARCH_MATCH',
  /** To the person invited: an experiment's team invites them to co-edit it (they accept or decline). */
  CO_EDITOR_INVITATION = 'CO_EDITOR_INVITATION',
}
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'UPSTREAM_CHANGE: the experiment you forked published a new outcome or a new artefact version.',
});

/** An in-app notification. Only ever about published experiments and visible discussions. */
@ObjectType()
@Entity({ tableName: 'notifications' })
@Index({ properties: ['member', 'createdAt'] })
@Unique({ properties: ['member', 'eventId'] })
export class Notification {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  /** The domain event it came from: one notification per member per event, however many follows match. */
  @Property({ type: 'string', length: 36 })
  eventId!: string;

  @Field(() => NotificationKind)
  @Enum({ items: () => NotificationKind })
  kind!: NotificationKind;

  /** Null for notifications about a network question. */
  @ManyToOne(() => Experiment, { ref: true, deleteRule: 'cascade', nullable: true })
  experiment: Ref<Experiment> | null = null;

  /** The discussion it is about, if any (resolved in the discussion module). */
  @Property({ type: 'string', length: 36, nullable: true })
  discussionId: string | null = null;

  @Field(() => String, { description: 'A sentence saying what happened.' })
  @Property({ type: 'text' })
  message!: string;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  readAt: Date | null = null;

  @Property({ type: DateTimeType, nullable: true })
  emailedAt: Date | null = null;
}
