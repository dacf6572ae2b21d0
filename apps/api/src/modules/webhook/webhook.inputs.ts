import { ArrayMaxSize, ArrayMinSize, IsEnum, IsString } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { IsWebUrl } from '../../graphql/validators.js';
import { WebhookEvent } from './webhook.entity.js';

@InputType()
export class CreateWebhookInput {
  @Field(() => ID)
  @IsString()
  organisationId!: string;

  @Field(() => String, { description: 'Where to POST events (http or https).' })
  @IsString()
  @IsWebUrl()
  url!: string;

  @Field(() => [WebhookEvent])
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsEnum(WebhookEvent, { each: true })
  events!: WebhookEvent[];
}
