import { EvaluationDesign, GoodDirection, LIMITS } from '@synapse/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int } from 'type-graphql';
import { OptionalText, RequiredText } from '../../graphql/validators.js';

@InputType()
export class RegisteredMeasureInput {
  @Field(() => String, { description: 'Outcomes later report against the measure by this name.' })
  @RequiredText(1, LIMITS.shortTextMax)
  name!: string;

  @Field(() => Float, { nullable: true, description: 'The value before the experiment, when known.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  baseline?: number | null;

  @Field(() => String, { nullable: true })
  @OptionalText(LIMITS.unitMax)
  unit?: string | null;

  @Field(() => GoodDirection)
  @IsEnum(GoodDirection)
  goodDirection!: GoodDirection;
}

@InputType({ description: 'What a team will measure and how it will evaluate, registered before results.' })
export class RegisterMeasuresInput {
  @Field(() => [RegisteredMeasureInput])
  @IsArray()
  @ArrayMinSize(1, { message: 'register at least one measure' })
  @ArrayMaxSize(LIMITS.measuresMax)
  @ValidateNested({ each: true })
  measures!: RegisteredMeasureInput[];

  @Field(() => EvaluationDesign)
  @IsEnum(EvaluationDesign)
  evaluationDesign!: EvaluationDesign;

  @Field(() => Int, { description: 'The Nesta Standards of Evidence level (1–5) the evaluation aims for.' })
  @IsInt()
  @Min(1)
  @Max(5)
  targetEvidenceLevel!: number;

  @Field(() => String, { nullable: true, description: 'How the team will evaluate: comparison group, data sources, timing.' })
  @OptionalText(LIMITS.longTextMax)
  evaluationPlan?: string | null;
}

@InputType()
export class ReminderSettingsInput {
  @Field(() => Boolean, { description: 'False switches off reminders about reviews due and results overdue.' })
  @IsBoolean()
  enabled!: boolean;
}
