import { Field, ObjectType } from 'type-graphql';
import { Webhook } from './webhook.entity.js';

@ObjectType()
export class CreatedWebhook {
  @Field(() => Webhook)
  webhook!: Webhook;

  @Field(() => String, { description: 'The signing secret, shown this once. Verify the synapse-signature header with it.' })
  secret!: string;
}
