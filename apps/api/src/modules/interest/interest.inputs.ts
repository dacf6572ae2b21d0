import { CONVERSATION_LIMITS, InterestLevel } from '@synapse/domain';
import { IsEnum, IsOptional } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OptionalText, RequiredId } from '../../graphql/validators.js';

@InputType({ description: "Your organisation's interest in an experiment; level null takes it away." })
export class SetInterestInput {
  @Field(() => ID)
  @RequiredId()
  experimentId!: string;

  @Field(() => InterestLevel, { nullable: true })
  @IsOptional()
  @IsEnum(InterestLevel)
  level?: InterestLevel | null;

  @Field(() => String, { nullable: true, description: 'What you are thinking of, for the team to read.' })
  @OptionalText(CONVERSATION_LIMITS.interestNoteMax)
  note?: string | null;
}
