import { Migration } from '@mikro-orm/migrations';

export class Migration20261130151033_jobs extends Migration {

  override name = 'Migration20261130151033_jobs';

  override up(): void | Promise<void> {
    this.addSql(`create table "jobs" ("id" varchar(36) not null, "type" varchar(100) not null, "key" varchar(200) null, "payload" jsonb not null, "state" text not null default 'PENDING', "attempts" int not null default 0, "max_attempts" int null, "run_at" timestamptz not null, "locked_by" varchar(80) null, "locked_until" timestamptz null, "last_error" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "jobs_type_key_index" on "jobs" ("type", "key");`);
    this.addSql(`create index "jobs_state_run_at_index" on "jobs" ("state", "run_at");`);

    this.addSql(`create table "job_schedules" ("type" varchar(100) not null, "next_run_at" timestamptz not null, primary key ("type"));`);

    this.addSql(`alter table "jobs" add constraint "jobs_state_check" check ("state" in ('PENDING', 'DEAD'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "jobs" cascade;`);
    this.addSql(`drop table if exists "job_schedules" cascade;`);
  }

}
