import { LIMITS } from '@synapse/domain';
import { IsOptional, IsString } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { RequiredText } from '../../graphql/validators.js';

@InputType({ description: "Start your own version of another council's published experiment." })
export class ForkExperimentInput {
  @Field(() => ID, { description: 'The published experiment to adapt.' })
  @IsString()
  experimentId!: string;

  @Field(() => String, { description: 'What will be different here, and why.' })
  @RequiredText(10, LIMITS.longTextMax)
  adaptationNotes!: string;

  @Field(() => String, { nullable: true, description: "Defaults to the original's title." })
  @IsOptional()
  @RequiredText(3, LIMITS.titleMax)
  title?: string | null;
}
