import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { organisationPolicy } from '../organisation/organisation.policy.js';
import { Webhook, WebhookDelivery } from './webhook.entity.js';
import { CreateWebhookInput } from './webhook.inputs.js';
import { CreatedWebhook } from './webhook.types.js';
import { createWebhook, deleteWebhook, organisationWebhooks, replayDelivery, webhookDeliveries, webhookPolicy } from './webhook.service.js';

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
