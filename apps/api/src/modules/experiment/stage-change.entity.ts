import { Entity, Index, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { DateTimeType, type Ref } from '@mikro-orm/core';
import { Stage } from '@synapse/domain';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { Experiment } from './experiment.entity.js';

/** One dated entry in an experiment's stage history. */
@ObjectType()
@Entity({ tableName: 'stage_changes' })
@Index({ properties: ['experiment', 'changedOn'] })
export class StageChange {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Experiment, { ref: true, deleteRule: 'cascade' })
  experiment!: Ref<Experiment>;

  @Field(() => Stage)
  @Enum({ items: () => Stage })
  stage!: Stage;

  @Field(() => LocalDateScalar, { description: 'When the experiment entered this stage.' })
  @Property({ type: 'string', length: 10 })
  changedOn!: string;

  @Field(() => String, { nullable: true, description: 'Why (required when stopping).' })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
