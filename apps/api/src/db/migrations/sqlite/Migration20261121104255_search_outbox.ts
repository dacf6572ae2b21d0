import { Migration } from '@mikro-orm/migrations';

export class Migration20261121104255_search_outbox extends Migration {

  override name = 'Migration20261121104255_search_outbox';

  override up(): void | Promise<void> {
    this.addSql(`create table \`search_outbox\` (\`id\` text not null primary key, \`target\` text check (\`target\` in ('EXPERIMENT', 'ORGANISATION')) not null, \`target_id\` text not null, \`attempts\` integer not null default 0, \`last_error\` text null, \`available_at\` datetime not null, \`claimed_by\` text null, \`claimed_until\` datetime null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`search_outbox_available_at_index\` on \`search_outbox\` (\`available_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`search_outbox\`;`);
  }

}
