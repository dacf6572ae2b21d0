import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { PrimaryKeyProp } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** One of the curated service areas (see @synapse/domain SERVICE_AREAS); keyed by slug. */
@ObjectType()
@Entity({ tableName: 'service_areas' })
export class ServiceArea {
  declare [PrimaryKeyProp]?: 'slug';

  @Field(() => ID, { description: 'Stable slug, e.g. "adult-social-care".' })
  @PrimaryKey({ type: 'string', length: 60 })
  slug!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 120 })
  name!: string;

  @Field(() => Int, { description: 'Display order.' })
  @Property({ type: 'integer' })
  position!: number;
}
