import { DateTimeType } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../db/ids.js';

/** One change made by a mutation: who, what, when, and the values before and after. */
@ObjectType()
@Entity({ tableName: 'audit_entries' })
@Index({ properties: ['subjectOrganisationId', 'createdAt'] })
@Index({ properties: ['actorOrganisationId', 'createdAt'] })
@Index({ properties: ['actorId'] })
export class AuditEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Field(() => String, { nullable: true, description: 'The member who acted (null: signed-out or system).' })
  @Property({ type: 'string', length: 36, nullable: true })
  actorId: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  actorName: string | null = null;

  @Property({ type: 'string', length: 36, nullable: true })
  actorOrganisationId: string | null = null;

  /** The organisation whose content or membership changed. */
  @Property({ type: 'string', length: 36, nullable: true })
  subjectOrganisationId: string | null = null;

  @Field(() => String, { description: 'The mutation, e.g. "updateExperiment".' })
  @Property({ type: 'string', length: 100 })
  operation!: string;

  @Field(() => String, { description: 'e.g. "Experiment".' })
  @Property({ type: 'string', length: 100 })
  entityType!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  entityId!: string;

  @Field(() => String, { description: 'CREATE, UPDATE or DELETE.' })
  @Property({ type: 'string', length: 10 })
  change!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  before: Record<string, unknown> | null = null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  after: Record<string, unknown> | null = null;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
