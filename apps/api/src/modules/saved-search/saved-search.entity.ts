import { DateTimeType, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { Member } from '../member/member.entity.js';
import type { StoredFilter } from './search-criteria.js';

/** A search a member saved (words and filters, validated and in normal form): they hear when a new experiment matches it. */
@ObjectType({ description: 'A search you saved: you are notified when a newly published experiment matches it.' })
@Entity({ tableName: 'saved_searches' })
@Unique({ properties: ['member', 'fingerprint'] })
@Index({ properties: ['member', 'createdAt'] })
export class SavedSearch {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  @Field(() => String, { description: 'The name you gave it, or one made from its words and filters.' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: 'The words searched for; empty for filters alone.' })
  @Property({ type: 'string', length: 200 })
  query!: string;

  /** The SearchFilter, validated and normalised (search-criteria.ts). */
  @Property({ type: 'json' })
  filter: StoredFilter = {};

  /** sha256 of the lower-cased query and the normal filter: the same search is saved once per member. */
  @Property({ type: 'string', length: 64 })
  fingerprint!: string;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
