import { Migration } from '@mikro-orm/migrations';

export class Migration20261130151644_job_queue_workers extends Migration {

  override name = 'Migration20261130151644_job_queue_workers';

  override up(): void | Promise<void> {
    // The search outbox's pending entries need no copy: reconciliation on start compares the whole index.
    this.addSql(`drop table if exists \`search_outbox\`;`);
    // Events not yet fanned out, and deliveries not yet made, become jobs.
    this.addSql(`insert into \`jobs\` (\`id\`, \`type\`, \`key\`, \`payload\`, \`state\`, \`attempts\`, \`run_at\`, \`created_at\`, \`updated_at\`) select \`id\`, 'notification.fan-out', \`id\`, json_object('eventId', \`id\`), 'PENDING', 0, cast((julianday('now') - 2440587.5) * 86400000 as integer), cast((julianday('now') - 2440587.5) * 86400000 as integer), cast((julianday('now') - 2440587.5) * 86400000 as integer) from \`domain_events\`;`);
    this.addSql(`insert into \`jobs\` (\`id\`, \`type\`, \`key\`, \`payload\`, \`state\`, \`attempts\`, \`run_at\`, \`created_at\`, \`updated_at\`) select \`id\`, 'webhook.deliver', \`id\`, json_object('deliveryId', \`id\`), 'PENDING', 0, cast((julianday('now') - 2440587.5) * 86400000 as integer), cast((julianday('now') - 2440587.5) * 86400000 as integer), cast((julianday('now') - 2440587.5) * 86400000 as integer) from \`webhook_deliveries\` where \`status\` = 'PENDING';`);

    this.addSql(`drop index \`domain_events_available_at_index\`;`);
    this.addSql(`alter table \`domain_events\` drop column \`attempts\`;`);
    this.addSql(`alter table \`domain_events\` drop column \`last_error\`;`);
    this.addSql(`alter table \`domain_events\` drop column \`available_at\`;`);
    this.addSql(`alter table \`domain_events\` drop column \`claimed_by\`;`);
    this.addSql(`alter table \`domain_events\` drop column \`claimed_until\`;`);

    this.addSql(`drop index \`webhook_deliveries_status_next_attempt_at_index\`;`);
    this.addSql(`alter table \`webhook_deliveries\` drop column \`next_attempt_at\`;`);
    this.addSql(`alter table \`webhook_deliveries\` drop column \`claimed_until\`;`);
    this.addSql(`alter table \`webhook_deliveries\` drop column \`claimed_by\`;`);
    this.addSql(`alter table \`webhook_deliveries\` add column \`event_id\` text null;`);
    this.addSql(`create unique index \`webhook_deliveries_webhook_id_event_id_unique\` on \`webhook_deliveries\` (\`webhook_id\`, \`event_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create table \`search_outbox\` (\`id\` TEXT not null primary key, \`target\` TEXT check (\`target\` in ('EXPERIMENT', 'ORGANISATION')) not null, \`target_id\` TEXT not null, \`attempts\` INTEGER not null default 0, \`last_error\` TEXT null, \`available_at\` datetime not null, \`claimed_by\` TEXT null, \`claimed_until\` datetime null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`search_outbox_available_at_index\` on \`search_outbox\` (\`available_at\`);`);

    this.addSql(`alter table \`domain_events\` add column \`attempts\` INTEGER not null default 0;`);
    this.addSql(`alter table \`domain_events\` add column \`last_error\` TEXT null;`);
    this.addSql(`alter table \`domain_events\` add column \`available_at\` datetime not null default 0;`);
    this.addSql(`alter table \`domain_events\` add column \`claimed_by\` TEXT null;`);
    this.addSql(`alter table \`domain_events\` add column \`claimed_until\` datetime null;`);
    this.addSql(`create index \`domain_events_available_at_index\` on \`domain_events\` (\`available_at\`);`);

    this.addSql(`drop index \`webhook_deliveries_webhook_id_event_id_unique\`;`);
    this.addSql(`alter table \`webhook_deliveries\` add column \`next_attempt_at\` datetime not null default 0;`);
    this.addSql(`alter table \`webhook_deliveries\` add column \`claimed_until\` datetime null;`);
    this.addSql(`alter table \`webhook_deliveries\` drop column \`event_id\`;`);
    this.addSql(`alter table \`webhook_deliveries\` add column \`claimed_by\` TEXT null;`);
    this.addSql(`create index \`webhook_deliveries_status_next_attempt_at_index\` on \`webhook_deliveries\` (\`status\`, \`next_attempt_at\`);`);
  }

}
