import { DateTimeType, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';

export enum ApiKeyScope {
  PUBLIC_READ = 'PUBLIC_READ',
}
registerEnumType(ApiKeyScope, { name: 'ApiKeyScope', description: 'PUBLIC_READ: read published content, at the key rate limit.' });

/** A partner API key. The secret is shown once at creation; only its SHA-256 is stored. */
@ObjectType()
@Entity({ tableName: 'api_keys' })
@Index({ properties: ['organisation'] })
export class ApiKey {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Organisation, { ref: true, deleteRule: 'cascade' })
  organisation!: Ref<Organisation>;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { description: 'The start of the key, to recognise it: "syn_" + 8 characters.' })
  @Unique()
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Property({ type: 'string', length: 64 })
  secretHash!: string;

  @Field(() => [ApiKeyScope])
  @Property({ type: 'json' })
  scopes: ApiKeyScope[] = [ApiKeyScope.PUBLIC_READ];

  @ManyToOne(() => Member, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy: Ref<Member> | null = null;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  lastUsedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  revokedAt: Date | null = null;
}
