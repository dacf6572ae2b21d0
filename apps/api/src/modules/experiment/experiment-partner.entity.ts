import { Entity, Index, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Ref } from '@mikro-orm/core';
import { PartnerRole } from '@synapse/domain';
import { Field, ID, ObjectType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Experiment } from './experiment.entity.js';

/** A partner in an experiment: an organisation on Synapse, or one named only. */
@ObjectType()
@Entity({ tableName: 'experiment_partners' })
@Index({ properties: ['experiment', 'position'] })
export class ExperimentPartner {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Experiment, { ref: true, deleteRule: 'cascade' })
  experiment!: Ref<Experiment>;

  @ManyToOne(() => Organisation, { ref: true, nullable: true })
  organisation: Ref<Organisation> | null = null;

  @Field(() => String, { description: "The partner's name as shown." })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => PartnerRole)
  @Enum({ items: () => PartnerRole })
  role!: PartnerRole;

  @Field(() => String, { nullable: true, description: 'What the partner did.' })
  @Property({ type: 'string', length: 200, nullable: true })
  contribution: string | null = null;

  @Property({ type: 'integer' })
  position: number = 0;
}
