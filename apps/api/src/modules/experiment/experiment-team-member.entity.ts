import { DateTimeType, type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { newId } from '../../db/ids.js';
import { Member } from '../member/member.entity.js';
import { Experiment } from './experiment.entity.js';

/** A named co-editor of an experiment, typically from a partner organisation. */
@Entity({ tableName: 'experiment_team_members' })
@Unique({ properties: ['experiment', 'member'] })
export class ExperimentTeamMember {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Experiment, { ref: true, deleteRule: 'cascade' })
  experiment!: Ref<Experiment>;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
