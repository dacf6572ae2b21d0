import { DateTimeType, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { Organisation } from '../organisation/organisation.entity.js';

/** An email domain verified as belonging to an organisation: people signing in from it join it. */
@ObjectType()
@Entity({ tableName: 'organisation_domains' })
@Index({ properties: ['organisation'] })
export class OrganisationDomain {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Field(() => String, { description: 'e.g. "wigan.gov.uk".' })
  @Unique()
  @Property({ type: 'string', length: 253 })
  domain!: string;

  @ManyToOne(() => Organisation, { ref: true, deleteRule: 'cascade' })
  organisation!: Ref<Organisation>;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
