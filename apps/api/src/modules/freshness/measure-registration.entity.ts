import { Entity, Enum, ManyToOne, OneToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { DateTimeType, type Ref } from '@mikro-orm/core';
import { EvaluationDesign, GoodDirection } from '@synapse/domain';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Member } from '../member/member.entity.js';

/** One quantity a team promised to measure, before knowing the result. Stored as JSON on its registration. */
@ObjectType({ description: 'A measure registered before results: what will be measured, from what baseline, and which way is better.' })
export class RegisteredMeasure {
  @Field(() => String, { description: 'Outcomes report against it by this name (matched ignoring case and spacing).' })
  name!: string;

  @Field(() => Float, { nullable: true })
  baseline?: number | null;

  @Field(() => String, { nullable: true, description: 'e.g. "%", "days", "people".' })
  unit?: string | null;

  @Field(() => GoodDirection, { description: 'Whether a higher (UP) or lower (DOWN) result is better.' })
  goodDirection!: GoodDirection;
}

/**
 * What a team said it would measure and how it would evaluate, recorded before results were in. Frozen once
 * written: later outcomes are compared with it, so measures dropped or added afterwards show.
 */
@ObjectType({ description: 'Measures and evaluation plan registered before results; frozen once registered.' })
@Entity({ tableName: 'measure_registrations' })
export class MeasureRegistration {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @OneToOne(() => Experiment, (experiment) => experiment.registration, { owner: true, ref: true, deleteRule: 'cascade' })
  experiment!: Ref<Experiment>;

  @Field(() => [RegisteredMeasure])
  @Property({ type: 'json' })
  measures: RegisteredMeasure[] = [];

  @Field(() => EvaluationDesign, { description: 'The evaluation design the team will use.' })
  @Enum({ items: () => EvaluationDesign })
  evaluationDesign!: EvaluationDesign;

  @Field(() => Int, { description: 'The Nesta Standards of Evidence level (1–5) the evaluation aims for.' })
  @Property({ type: 'integer' })
  targetEvidenceLevel!: number;

  @Field(() => String, { nullable: true, description: 'How the team will evaluate: comparison group, data sources, timing.' })
  @Property({ type: 'text', nullable: true })
  evaluationPlan: string | null = null;

  @ManyToOne(() => Member, { ref: true, nullable: true })
  registeredBy: Ref<Member> | null = null;

  @Field(() => Date, { description: 'When the measures were registered; nothing in the registration changes after.' })
  @Property({ type: DateTimeType })
  registeredAt: Date = new Date();
}
