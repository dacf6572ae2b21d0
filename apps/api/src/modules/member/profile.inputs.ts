import { Field, InputType } from 'type-graphql';
import { OptionalText, RequiredText } from '../../graphql/validators.js';

@InputType({ description: 'How you are shown to others: your name and job title.' })
export class UpdateProfileInput {
  @Field(() => String, { description: 'Your name as colleagues know it, like "Sam Okafor".' })
  @RequiredText(1, 100)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Like "Revenues and benefits manager". Null clears it.' })
  @OptionalText(100)
  jobTitle?: string | null;
}
