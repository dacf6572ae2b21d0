import { Entity, Index, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { DateTimeType, type Ref } from '@mikro-orm/core';
import { EvaluationDesign, GoodDirection, Verdict } from '@synapse/domain';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { Experiment } from '../experiment/experiment.entity.js';

/** One measured quantity, before and after. Stored as JSON on its outcome. */
@ObjectType()
export class Measure {
  @Field(() => String)
  name!: string;

  @Field(() => Float, { nullable: true })
  baseline?: number | null;

  @Field(() => Float, { nullable: true })
  result?: number | null;

  @Field(() => String, { nullable: true, description: 'e.g. "%", "days", "people".' })
  unit?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. "12 months to March 2024".' })
  period?: string | null;

  @Field(() => GoodDirection, { description: 'Whether a higher (UP) or lower (DOWN) result is better.' })
  goodDirection!: GoodDirection;
}

/** What an experiment found: a verdict, the measures and the strength of the evidence. */
@ObjectType({ description: 'What an experiment found, including disappointing results.' })
@Entity({ tableName: 'outcomes' })
@Index({ properties: ['experiment', 'createdAt'] })
@Unique({ properties: ['experiment', 'externalId'] })
export class Outcome {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Experiment, { ref: true, deleteRule: 'cascade' })
  experiment!: Ref<Experiment>;

  @Field(() => String, { description: 'A one-line headline of the finding.' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Index()
  @Field(() => Verdict)
  @Enum({ items: () => Verdict })
  verdict!: Verdict;

  @Field(() => [Measure])
  @Property({ type: 'json' })
  measures: Measure[] = [];

  @Field(() => EvaluationDesign)
  @Enum({ items: () => EvaluationDesign })
  evaluationDesign!: EvaluationDesign;

  @Field(() => Int, { description: 'Nesta Standards of Evidence level, 1 to 5. Describes strength of evidence, not endorsement.' })
  @Property({ type: 'integer' })
  evidenceLevel!: number;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  independentEvaluation: boolean = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  evaluatedBy: string | null = null;

  @Field(() => Float, { nullable: true, description: 'Cost per participant in pounds sterling.' })
  @Property({ type: 'double', nullable: true })
  costPerParticipant: number | null = null;

  @Field(() => Int, { nullable: true, description: 'Estimated savings in pounds sterling a year.' })
  @Property({ type: 'integer', nullable: true })
  annualSavings: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  whatWorked: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  whatDidNotWork: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  conditionsForSuccess: string | null = null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the finding was reported.' })
  @Property({ type: 'string', length: 10, nullable: true })
  reportedOn: string | null = null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** Import key, unique within the experiment: re-importing a record updates this outcome in place (docs/import-format.md). */
  @Property({ type: 'string', length: 120, nullable: true })
  externalId: string | null = null;
}
