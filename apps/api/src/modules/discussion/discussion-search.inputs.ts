import { Max, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class DiscussionSearchArgs {
  @Field(() => String, { defaultValue: '', description: 'Words to look for; empty lists everything.' })
  query: string = '';

  @Field(() => Int, { defaultValue: 20, description: 'At most 50.' })
  @Min(1)
  @Max(50)
  first: number = 20;

  @Field(() => Int, { defaultValue: 0, description: 'How many hits to skip (at most 1000).' })
  @Min(0)
  @Max(1000)
  offset: number = 0;
}
