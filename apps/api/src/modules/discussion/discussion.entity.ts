import { Collection, DateTimeType, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Member } from '../member/member.entity.js';
import { Post } from './post.entity.js';

/**
 * A conversation: a question to the team behind an experiment, or a network question ("has anyone tried…?")
 * filed under service areas and themes. Its opening post carries the body; the title lives here.
 */
@ObjectType({ description: 'A question or discussion, on an experiment or across the network.' })
@Entity({ tableName: 'discussions' })
@Index({ properties: ['experiment', 'lastActivityAt'] })
@Index({ properties: ['lastActivityAt'] })
export class Discussion {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  /** Null for a network question. */
  @ManyToOne(() => Experiment, { ref: true, nullable: true, deleteRule: 'cascade' })
  experiment: Ref<Experiment> | null = null;

  @ManyToOne(() => Member, { ref: true })
  author!: Ref<Member>;

  /** The reply marked as the answer (a post id). */
  @Property({ type: 'string', length: 36, nullable: true })
  answerPostId: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  answeredAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'Set when a moderator locked it: no more replies.' })
  @Property({ type: DateTimeType, nullable: true })
  lockedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  lockReason: string | null = null;

  /** Set when its opening post is hidden by a moderator: then the whole discussion is hidden. */
  @Property({ type: DateTimeType, nullable: true })
  hiddenAt: Date | null = null;

  @Field(() => Int, { description: 'Replies that are neither hidden nor deleted.' })
  @Property({ type: 'integer' })
  replyCount: number = 0;

  @Field(() => Date, { description: 'The last time someone posted in it.' })
  @Property({ type: DateTimeType })
  lastActivityAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @OneToMany(() => DiscussionTopic, (topic) => topic.discussion, { orphanRemoval: true })
  topics = new Collection<DiscussionTopic>(this);

  /** Every post, for queries (the GraphQL `posts` field pages them through the service instead). */
  @OneToMany(() => Post, (post) => post.discussion)
  allPosts = new Collection<Post>(this);
}

export enum TopicKind {
  SERVICE_AREA = 'SERVICE_AREA',
  THEME = 'THEME',
}
registerEnumType(TopicKind, { name: 'TopicKind' });

/** A service area (slug) or theme a discussion is filed under: one row each, so filters are plain joins. */
@Entity({ tableName: 'discussion_topics' })
@Unique({ properties: ['discussion', 'kind', 'key'] })
@Index({ properties: ['kind', 'key'] })
export class DiscussionTopic {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Discussion, { ref: true, deleteRule: 'cascade' })
  discussion!: Ref<Discussion>;

  @Enum({ items: () => TopicKind })
  kind!: TopicKind;

  @Property({ type: 'string', length: 100 })
  key!: string;
}
