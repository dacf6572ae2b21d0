import { Migration } from '@mikro-orm/migrations';

export class Migration20261130151027_jobs extends Migration {

  override name = 'Migration20261130151027_jobs';

  override up(): void | Promise<void> {
    this.addSql(`create table \`jobs\` (\`id\` text not null primary key, \`type\` text not null, \`key\` text null, \`payload\` json not null, \`state\` text check (\`state\` in ('PENDING', 'DEAD')) not null default 'PENDING', \`attempts\` integer not null default 0, \`max_attempts\` integer null, \`run_at\` datetime not null, \`locked_by\` text null, \`locked_until\` datetime null, \`last_error\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`jobs_type_key_index\` on \`jobs\` (\`type\`, \`key\`);`);
    this.addSql(`create index \`jobs_state_run_at_index\` on \`jobs\` (\`state\`, \`run_at\`);`);

    this.addSql(`create table \`job_schedules\` (\`type\` text not null primary key, \`next_run_at\` datetime not null);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`jobs\`;`);
    this.addSql(`drop table if exists \`job_schedules\`;`);
  }

}
