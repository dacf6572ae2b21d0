import { DateTimeType, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { Organisation } from '../organisation/organisation.entity.js';

export enum WebhookEvent {
  EXPERIMENT_PUBLISHED = 'EXPERIMENT_PUBLISHED',
  OUTCOME_PUBLISHED = 'OUTCOME_PUBLISHED',
  EXPERIMENT_FORKED = 'EXPERIMENT_FORKED',
}
registerEnumType(WebhookEvent, { name: 'WebhookEvent' });

export enum DeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });

/** A partner's endpoint for events about published content. Deliveries are signed with its secret (HMAC-SHA256). */
@ObjectType()
@Entity({ tableName: 'webhooks' })
@Index({ properties: ['organisation'] })
export class Webhook {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Organisation, { ref: true, deleteRule: 'cascade' })
  organisation!: Ref<Organisation>;

  @Field(() => String)
  @Property({ type: 'string', length: 2000 })
  url!: string;

  @Field(() => [WebhookEvent])
  @Property({ type: 'json' })
  events: WebhookEvent[] = [];

  /** The signing key. It must be kept (not hashed) to sign; it is shown to the admin once, at creation. */
  @Property({ type: 'string', length: 100 })
  secret!: string;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}

/** One attempt-tracked delivery of one event to one webhook: the delivery log, and what replay resends. */
@ObjectType()
@Entity({ tableName: 'webhook_deliveries' })
@Unique({ properties: ['webhook', 'eventId'] })
@Index({ properties: ['webhook', 'createdAt'] })
export class WebhookDelivery {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Webhook, { ref: true, deleteRule: 'cascade' })
  webhook!: Ref<Webhook>;

  @Field(() => WebhookEvent)
  @Enum({ items: () => WebhookEvent })
  event!: WebhookEvent;

  /** The domain event it reports: at most one delivery per webhook and event (null on deliveries made before). */
  @Property({ type: 'string', length: 36, nullable: true })
  eventId: string | null = null;

  @Field(() => GraphQLJSON)
  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Field(() => DeliveryStatus)
  @Enum({ items: () => DeliveryStatus })
  status: DeliveryStatus = DeliveryStatus.PENDING;

  @Field(() => Int)
  @Property({ type: 'integer' })
  attempts: number = 0;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  lastStatusCode: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  deliveredAt: Date | null = null;
}
