import { LIMITS } from '@synapse/domain';
import { IsInt, IsString } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { RequiredText } from '../../graphql/validators.js';

@InputType({ description: 'Withdraw a published experiment: it stays readable, marked as withdrawn, with your reason.' })
export class WithdrawExperimentInput {
  @Field(() => ID)
  @IsString()
  id!: string;

  @Field(() => Int, { description: 'The version you saw; if someone saved since, CONFLICT.' })
  @IsInt()
  version!: number;

  @Field(() => String, { description: 'Why, in a sentence or two, for readers: "The pilot\'s figures were wrong; corrected ones are coming."' })
  @RequiredText(LIMITS.withdrawalReasonMin, LIMITS.summaryMax)
  reason!: string;
}
