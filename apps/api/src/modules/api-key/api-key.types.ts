import { Field, ObjectType } from 'type-graphql';
import { ApiKey } from './api-key.entity.js';

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field(() => String, { description: 'The key itself. Shown this once: store it now. Send it as "Authorization: Bearer <key>".' })
  secret!: string;
}
