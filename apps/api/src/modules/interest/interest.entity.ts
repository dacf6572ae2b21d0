import { DateTimeType, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { InterestLevel } from '@synapse/domain';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';

/** "We're considering this / planning it / trying it too": one per organisation per experiment. */
@ObjectType({ description: "An organisation's interest in someone else's experiment." })
@Entity({ tableName: 'interests' })
@Unique({ properties: ['experiment', 'organisation'] })
@Index({ properties: ['experiment', 'level'] })
export class Interest {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Experiment, { ref: true, deleteRule: 'cascade' })
  experiment!: Ref<Experiment>;

  @ManyToOne(() => Organisation, { ref: true, deleteRule: 'cascade' })
  organisation!: Ref<Organisation>;

  /** Who recorded it last (the team can contact them). */
  @ManyToOne(() => Member, { ref: true })
  member!: Ref<Member>;

  @Field(() => InterestLevel)
  @Enum({ items: () => InterestLevel })
  level!: InterestLevel;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  note: string | null = null;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  updatedAt: Date = new Date();
}
