import { Field, ID, InputType } from 'type-graphql';
import { RequiredText } from '../../graphql/validators.js';

@InputType({ description: "Someone from an experiment's interest list, to invite as a co-editor." })
export class InviteCoEditorInput {
  @Field(() => ID)
  @RequiredText(1, 36)
  experimentId!: string;

  @Field(() => ID, { description: 'The member who recorded the interest (Interest.member).' })
  @RequiredText(1, 36)
  memberId!: string;
}
