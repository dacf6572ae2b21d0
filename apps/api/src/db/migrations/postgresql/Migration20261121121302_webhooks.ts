import { Migration } from '@mikro-orm/migrations';

export class Migration20261121121302_webhooks extends Migration {

  override name = 'Migration20261121121302_webhooks';

  override up(): void | Promise<void> {
    this.addSql(`create table "webhooks" ("id" varchar(36) not null, "organisation_id" varchar(36) not null, "url" varchar(2000) not null, "events" jsonb not null, "secret" varchar(100) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "webhooks_organisation_id_index" on "webhooks" ("organisation_id");`);

    this.addSql(`create table "webhook_deliveries" ("id" varchar(36) not null, "webhook_id" varchar(36) not null, "event" text not null, "payload" jsonb not null, "status" text not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "last_status_code" int null, "last_error" text null, "claimed_by" varchar(36) null, "claimed_until" timestamptz null, "created_at" timestamptz not null, "delivered_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "webhook_deliveries_webhook_id_created_at_index" on "webhook_deliveries" ("webhook_id", "created_at");`);
    this.addSql(`create index "webhook_deliveries_status_next_attempt_at_index" on "webhook_deliveries" ("status", "next_attempt_at");`);

    this.addSql(`alter table "webhooks" add constraint "webhooks_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`);

    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_webhook_id_foreign" foreign key ("webhook_id") references "webhooks" ("id") on delete cascade;`);
    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_event_check" check ("event" in ('EXPERIMENT_PUBLISHED', 'OUTCOME_PUBLISHED', 'EXPERIMENT_FORKED'));`);
    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_status_check" check ("status" in ('PENDING', 'SUCCEEDED', 'FAILED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "webhook_deliveries" drop constraint "webhook_deliveries_webhook_id_foreign";`);

    this.addSql(`drop table if exists "webhooks" cascade;`);
    this.addSql(`drop table if exists "webhook_deliveries" cascade;`);
  }

}
