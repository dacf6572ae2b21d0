import { Migration } from '@mikro-orm/migrations';

export class Migration20261121121301_webhooks extends Migration {

  override name = 'Migration20261121121301_webhooks';

  override up(): void | Promise<void> {
    this.addSql(`create table \`webhooks\` (\`id\` text not null primary key, \`organisation_id\` text not null, \`url\` text not null, \`events\` json not null, \`secret\` text not null, \`created_at\` datetime not null, constraint \`webhooks_organisation_id_foreign\` foreign key (\`organisation_id\`) references \`organisations\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`webhooks_organisation_id_index\` on \`webhooks\` (\`organisation_id\`);`);

    this.addSql(`create table \`webhook_deliveries\` (\`id\` text not null primary key, \`webhook_id\` text not null, \`event\` text check (\`event\` in ('EXPERIMENT_PUBLISHED', 'OUTCOME_PUBLISHED', 'EXPERIMENT_FORKED')) not null, \`payload\` json not null, \`status\` text check (\`status\` in ('PENDING', 'SUCCEEDED', 'FAILED')) not null default 'PENDING', \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`last_status_code\` integer null, \`last_error\` text null, \`claimed_by\` text null, \`claimed_until\` datetime null, \`created_at\` datetime not null, \`delivered_at\` datetime null, constraint \`webhook_deliveries_webhook_id_foreign\` foreign key (\`webhook_id\`) references \`webhooks\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`webhook_deliveries_webhook_id_index\` on \`webhook_deliveries\` (\`webhook_id\`);`);
    this.addSql(`create index \`webhook_deliveries_webhook_id_created_at_index\` on \`webhook_deliveries\` (\`webhook_id\`, \`created_at\`);`);
    this.addSql(`create index \`webhook_deliveries_status_next_attempt_at_index\` on \`webhook_deliveries\` (\`status\`, \`next_attempt_at\`);`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`webhooks\`;`);
    this.addSql(`drop table if exists \`webhook_deliveries\`;`);
  }

}
