import { Collection, DateTimeType, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToMany, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Member } from '../member/member.entity.js';
import { Discussion } from './discussion.entity.js';

/** One message in a discussion: the opening question or a reply. Its body is Markdown, rendered and sanitised once on save. */
@ObjectType({ description: 'A message in a discussion. Hidden posts are shown only to moderators; deleted ones as a placeholder.' })
@Entity({ tableName: 'posts' })
@Index({ properties: ['discussion', 'createdAt'] })
@Index({ properties: ['author', 'createdAt'] })
export class Post {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Discussion, { ref: true, deleteRule: 'cascade' })
  discussion!: Ref<Discussion>;

  @ManyToOne(() => Member, { ref: true })
  author!: Ref<Member>;

  @Field(() => Boolean, { description: 'The post that opened the discussion.' })
  @Property({ type: 'boolean' })
  opening: boolean = false;

  /** Whether the author was on the experiment's team (lead organisation or co-editor) when posting. */
  @Field(() => Boolean, { description: "Written by the experiment's team (lead organisation members and co-editors)." })
  @Property({ type: 'boolean' })
  fromTeam: boolean = false;

  /** The Markdown as written (cleared when deleted). */
  @Property({ type: 'text' })
  body!: string;

  /** The sanitised HTML rendering of `body`. */
  @Property({ type: 'text' })
  bodyHtml!: string;

  @ManyToMany(() => Experiment, undefined, { pivotTable: 'post_citations', owner: true })
  citations = new Collection<Experiment>(this);

  @OneToMany(() => PostRevision, (revision) => revision.post, { orphanRemoval: true })
  revisions = new Collection<PostRevision>(this);

  @Field(() => Date, { nullable: true, description: 'When it was last edited; pages show "edited".' })
  @Property({ type: DateTimeType, nullable: true })
  editedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'Set when its author deleted it: the body is gone, a placeholder stays.' })
  @Property({ type: DateTimeType, nullable: true })
  deletedAt: Date | null = null;

  @Property({ type: DateTimeType, nullable: true })
  hiddenAt: Date | null = null;

  /** The reason a moderator gave for the last hide or restore (kept after a restore, for the record). */
  @Property({ type: 'string', length: 500, nullable: true })
  moderationReason: string | null = null;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}

/** An earlier version of a post, kept when it is edited so moderators can see what changed. */
@ObjectType({ description: 'An earlier version of a post (moderators only).' })
@Entity({ tableName: 'post_revisions' })
export class PostRevision {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Post, { ref: true, deleteRule: 'cascade' })
  post!: Ref<Post>;

  @Field(() => String, { description: 'The Markdown as it was.' })
  @Property({ type: 'text' })
  body!: string;

  @Field(() => Date, { description: 'When this version was replaced.' })
  @Property({ type: DateTimeType })
  replacedAt: Date = new Date();
}

/** Someone's report that a post breaks the rules; open until a moderator resolves it. */
@ObjectType({ description: 'A report of a post, for moderators.' })
@Entity({ tableName: 'post_reports' })
@Unique({ properties: ['post', 'reporter'] })
@Index({ properties: ['resolvedAt', 'createdAt'] })
export class PostReport {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Post, { ref: true, deleteRule: 'cascade' })
  post!: Ref<Post>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  reporter!: Ref<Member>;

  @Field(() => String)
  @Property({ type: 'string', length: 500 })
  reason!: string;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  resolvedAt: Date | null = null;

  @Property({ type: 'string', length: 36, nullable: true })
  resolvedById: string | null = null;
}
