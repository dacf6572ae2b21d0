import { Field, Int, ObjectType } from 'type-graphql';
import { Discussion } from './discussion.entity.js';

@ObjectType({ description: 'Discussions that match a search, best first.' })
export class DiscussionSearchResult {
  @Field(() => [Discussion])
  hits!: Discussion[];

  @Field(() => Int)
  estimatedTotal!: number;

  @Field(() => Boolean, { description: 'True when the search engine was unreachable and this answer came from matching titles in the database.' })
  degraded!: boolean;
}
