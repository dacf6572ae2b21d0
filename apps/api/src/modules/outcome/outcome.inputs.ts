import { EvaluationDesign, GoodDirection, LIMITS, Verdict } from '@synapse/domain';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { IsCalendarDate, OptionalText, RequiredText, OmittableNotNull, AtMostDecimals } from '../../graphql/validators.js';

@InputType()
export class MeasureInput {
  @Field(() => String)
  @RequiredText(1, LIMITS.shortTextMax)
  name!: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  baseline?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  result?: number | null;

  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.unitMax)
  unit?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.shortTextMax)
  period?: string | null;

  @Field(() => GoodDirection)
  @IsEnum(GoodDirection)
  goodDirection!: GoodDirection;
}

/** The fields of an outcome; on update, omitted fields are left alone. */
@InputType()
export class OutcomeFieldsInput {
  @Field(() => [MeasureInput], { nullable: true, description: 'Replaces the whole list.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.measuresMax)
  @ValidateNested({ each: true })
  measures?: MeasureInput[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  independentEvaluation?: boolean | null;

  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.shortTextMax)
  evaluatedBy?: string | null;

  @Field(() => Float, { nullable: true, description: 'Pounds sterling, not negative.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @AtMostDecimals(2)
  @Min(0)
  @Max(LIMITS.moneyMax)
  costPerParticipant?: number | null;

  @Field(() => Int, { nullable: true, description: 'Pounds sterling a year, not negative.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(LIMITS.moneyMax)
  annualSavings?: number | null;

  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.longTextMax)
  whatWorked?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.longTextMax)
  whatDidNotWork?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.longTextMax)
  conditionsForSuccess?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsCalendarDate()
  reportedOn?: string | null;
}

@InputType()
export class AddOutcomeInput extends OutcomeFieldsInput {
  @Field(() => String)
  @RequiredText(3, LIMITS.titleMax)
  title!: string;

  @Field(() => Verdict)
  @IsEnum(Verdict)
  verdict!: Verdict;

  @Field(() => EvaluationDesign)
  @IsEnum(EvaluationDesign)
  evaluationDesign!: EvaluationDesign;

  @Field(() => Int, { description: 'Nesta Standards of Evidence level, 1 to 5.' })
  @IsInt()
  @Min(1)
  @Max(5)
  evidenceLevel!: number;
}

@InputType()
export class UpdateOutcomeInput extends OutcomeFieldsInput {
  @Field(() => String, { nullable: true })
  @OmittableNotNull()
  @RequiredText(3, LIMITS.titleMax)
  title?: string;

  @Field(() => Verdict, { nullable: true })
  @OmittableNotNull()
  @IsEnum(Verdict)
  verdict?: Verdict;

  @Field(() => EvaluationDesign, { nullable: true })
  @OmittableNotNull()
  @IsEnum(EvaluationDesign)
  evaluationDesign?: EvaluationDesign;

  @Field(() => Int, { nullable: true })
  @OmittableNotNull()
  @IsInt()
  @Min(1)
  @Max(5)
  evidenceLevel?: number;
}
