import { Migration } from '@mikro-orm/migrations';

export class Migration20261130151653_job_queue_workers extends Migration {

  override name = 'Migration20261130151653_job_queue_workers';

  override up(): void | Promise<void> {
    // The search outbox's pending entries need no copy: reconciliation on start compares the whole index.
    this.addSql(`drop table if exists "search_outbox" cascade;`);
    // Events not yet fanned out, and deliveries not yet made, become jobs.
    this.addSql(`insert into "jobs" ("id", "type", "key", "payload", "state", "attempts", "run_at", "created_at", "updated_at") select "id", 'notification.fan-out', "id", jsonb_build_object('eventId', "id"), 'PENDING', 0, now(), now(), now() from "domain_events";`);
    this.addSql(`insert into "jobs" ("id", "type", "key", "payload", "state", "attempts", "run_at", "created_at", "updated_at") select "id", 'webhook.deliver', "id", jsonb_build_object('deliveryId', "id"), 'PENDING', 0, now(), now(), now() from "webhook_deliveries" where "status" = 'PENDING';`);

    this.addSql(`drop index "domain_events_available_at_index";`);
    this.addSql(`alter table "domain_events" drop column "attempts", drop column "last_error", drop column "available_at", drop column "claimed_by", drop column "claimed_until";`);

    this.addSql(`drop index "webhook_deliveries_status_next_attempt_at_index";`);
    this.addSql(`alter table "webhook_deliveries" drop column "next_attempt_at", drop column "claimed_until", drop column "claimed_by";`);
    this.addSql(`alter table "webhook_deliveries" add column "event_id" varchar(36) null;`);
    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_webhook_id_event_id_unique" unique ("webhook_id", "event_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create table "search_outbox" ("id" varchar(36) not null, "target" text not null, "target_id" varchar(36) not null, "attempts" int4 not null default 0, "last_error" text null, "available_at" timestamptz(6) not null, "claimed_by" varchar(36) null, "claimed_until" timestamptz(6) null, "created_at" timestamptz(6) not null, primary key ("id"));`);
    this.addSql(`create index "search_outbox_available_at_index" on "search_outbox" ("available_at");`);

    this.addSql(`alter table "domain_events" add "attempts" int4 not null default 0, add "last_error" text null, add "available_at" timestamptz(6) not null default now(), add "claimed_by" varchar(36) null, add "claimed_until" timestamptz(6) null;`);
    this.addSql(`create index "domain_events_available_at_index" on "domain_events" ("available_at");`);

    this.addSql(`alter table "webhook_deliveries" drop constraint "webhook_deliveries_webhook_id_event_id_unique";`);
    this.addSql(`alter table "webhook_deliveries" drop column "event_id";`);
    this.addSql(`alter table "webhook_deliveries" add "next_attempt_at" timestamptz(6) not null default now(), add "claimed_until" timestamptz(6) null, add "claimed_by" varchar(36) null;`);
    this.addSql(`create index "webhook_deliveries_status_next_attempt_at_index" on "webhook_deliveries" ("status", "next_attempt_at");`);

    this.addSql(`alter table "search_outbox" add constraint "search_outbox_target_check" check ("target" in ('EXPERIMENT', 'ORGANISATION'));`);
  }

}
