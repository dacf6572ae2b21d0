import { ArrayMaxSize, ArrayMinSize, IsEnum, IsString } from 'class-validator';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { IsWebUrl } from '../../graphql/validators.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { organisationPolicy } from '../organisation/organisation.policy.js';
import { Webhook, WebhookDelivery, WebhookEvent } from './webhook.entity.js';
import { createWebhook, deleteWebhook, organisationWebhooks, replayDelivery, webhookDeliveries, webhookPolicy } from './webhook.service.js';

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

@ObjectType()
export class CreatedWebhook {
  @Field(() => Webhook)
  webhook!: Webhook;

  @Field(() => String, { description: 'The signing secret, shown this once. Verify the synapse-signature header with it.' })
  secret!: string;
}

@Resolver(() => Webhook)
export class WebhookResolver {
  @Mutation(() => CreatedWebhook, { description: 'Registers a webhook for events about published content. Organisation admins.' })
  createWebhook(@Ctx() { em, viewer, services }: Context, @Arg('input', () => CreateWebhookInput) input: CreateWebhookInput): Promise<CreatedWebhook> {
    return createWebhook(em, viewer, input, webhookPolicy(services.config));
  }

  @Mutation(() => ID, { description: 'Removes a webhook and its delivery log. Organisation admins.' })
  deleteWebhook(@Ctx() { em, viewer }: Context, @Arg('id', () => ID) id: string): Promise<string> {
    return deleteWebhook(em, viewer, id);
  }

  @Mutation(() => WebhookDelivery, { description: 'Sends a delivery again, from the first attempt. Organisation admins.' })
  replayWebhookDelivery(@Ctx() { em, viewer }: Context, @Arg('id', () => ID) id: string): Promise<WebhookDelivery> {
    return replayDelivery(em, viewer, id);
  }

  @FieldResolver(() => [WebhookDelivery], { description: 'The delivery log, newest first.' })
  deliveries(@Ctx() { em }: Context, @Root() webhook: Webhook, @Arg('first', () => Int, { defaultValue: 20 }) first: number): Promise<WebhookDelivery[]> {
    return webhookDeliveries(em, webhook.id, first);
  }
}

@Resolver(() => Organisation)
export class OrganisationWebhookResolver {
  @FieldResolver(() => [Webhook], { nullable: true, description: 'Its webhooks; for its admins (null otherwise).' })
  async webhooks(@Ctx() { em, viewer }: Context, @Root() organisation: Organisation): Promise<Webhook[] | null> {
    if (!organisationPolicy.manageApiKeys(viewer, organisation)) return null;
    return organisationWebhooks(em, organisation.id);
  }
}
