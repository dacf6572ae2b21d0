import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { DateTimeType } from '@mikro-orm/core';
import { CouncilType, Nation, OrganisationKind, RuralUrbanClass } from '@synapse/domain';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { newId } from '../../db/ids.js';

/** A council (reference data, keyed by GSS code) or a partner organisation. */
@ObjectType({ description: 'A council or partner organisation.' })
@Entity({ tableName: 'organisations' })
export class Organisation {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Field(() => String)
  @Unique()
  @Property({ type: 'string', length: 160 })
  slug!: string;

  @Field(() => String, { description: 'Short name, e.g. "Wigan".' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { description: 'Official name, e.g. "Wigan Metropolitan Borough Council".' })
  @Property({ type: 'string', length: 300 })
  officialName!: string;

  @Field(() => OrganisationKind)
  @Enum({ items: () => OrganisationKind })
  kind!: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'ONS GSS code (councils only).' })
  @Unique()
  @Property({ type: 'string', length: 9, nullable: true })
  gssCode: string | null = null;

  @Field(() => String, { nullable: true, description: 'mySociety local authority code: three letters, four for combined authorities.' })
  @Property({ type: 'string', length: 8, nullable: true })
  laCode: string | null = null;

  @Field(() => Nation, { nullable: true })
  @Index()
  @Enum({ items: () => Nation, nullable: true })
  nation: Nation | null = null;

  @Field(() => String, { nullable: true })
  @Index()
  @Property({ type: 'string', length: 60, nullable: true })
  region: string | null = null;

  @Field(() => CouncilType, { nullable: true })
  @Enum({ items: () => CouncilType, nullable: true })
  councilType: CouncilType | null = null;

  @Field(() => Int, { nullable: true, description: 'Population (2020 estimate).' })
  @Property({ type: 'integer', nullable: true })
  population: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Area in square kilometres.' })
  @Property({ type: 'double', nullable: true })
  areaKm2: number | null = null;

  @Field(() => Float, { nullable: true, description: 'People per square kilometre.' })
  @Property({ type: 'double', nullable: true })
  density: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Composite UK deprivation score (higher is more deprived).' })
  @Property({ type: 'double', nullable: true })
  deprivationScore: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Deprivation quintile, 1 (most deprived) to 5 (least).' })
  @Property({ type: 'integer', nullable: true })
  deprivationQuintile: number | null = null;

  @Field(() => RuralUrbanClass, { nullable: true })
  @Enum({ items: () => RuralUrbanClass, nullable: true })
  ruralUrbanClass: RuralUrbanClass | null = null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Property({ type: 'string', length: 20, nullable: true })
  hexLayout: string | null = null;

  @Property({ type: 'integer', nullable: true })
  hexQ: number | null = null;

  @Property({ type: 'integer', nullable: true })
  hexR: number | null = null;

  @Field(() => Boolean, { description: 'True for the clearly labelled demonstration organisation.' })
  @Property({ type: 'boolean' })
  isDemo: boolean = false;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
