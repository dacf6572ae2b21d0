import { DateTimeType, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { CoEditorInvitationStatus } from '@synapse/domain';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Member } from '../member/member.entity.js';

registerEnumType(CoEditorInvitationStatus, {
  name: 'CoEditorInvitationStatus',
  description: 'PENDING until the person invited accepts or declines, or the team withdraws it.',
});

/**
 * The team's invitation to someone who recorded interest in their experiment to become a co-editor. Nobody is
 * made an editor of another organisation's record without saying yes: accepting adds the co-editor. One row per
 * experiment and person (re-inviting after a withdrawal reuses it), so inviting twice never makes two.
 */
@ObjectType({ description: 'An invitation to co-edit an experiment: sent by its team, accepted or declined by the person invited.' })
@Entity({ tableName: 'co_editor_invitations' })
@Unique({ properties: ['experiment', 'member'] })
@Index({ properties: ['member', 'status'] })
export class CoEditorInvitation {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Experiment, { ref: true, deleteRule: 'cascade' })
  experiment!: Ref<Experiment>;

  /** The person invited. */
  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  /** Who sent it (last); null once their account is gone. */
  @ManyToOne(() => Member, { ref: true, nullable: true, deleteRule: 'set null' })
  invitedBy: Ref<Member> | null = null;

  @Field(() => CoEditorInvitationStatus)
  @Enum({ items: () => CoEditorInvitationStatus })
  status: CoEditorInvitationStatus = CoEditorInvitationStatus.PENDING;

  @Field(() => Date, { description: 'When it was sent (last).' })
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true, description: 'When it was accepted, declined or withdrawn.' })
  @Property({ type: DateTimeType, nullable: true })
  respondedAt: Date | null = null;
}
