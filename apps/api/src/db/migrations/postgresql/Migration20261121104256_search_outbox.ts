import { Migration } from '@mikro-orm/migrations';

export class Migration20261121104256_search_outbox extends Migration {

  override name = 'Migration20261121104256_search_outbox';

  override up(): void | Promise<void> {
    this.addSql(`create table "search_outbox" ("id" varchar(36) not null, "target" text not null, "target_id" varchar(36) not null, "attempts" int not null default 0, "last_error" text null, "available_at" timestamptz not null, "claimed_by" varchar(36) null, "claimed_until" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "search_outbox_available_at_index" on "search_outbox" ("available_at");`);

    this.addSql(`alter table "search_outbox" add constraint "search_outbox_target_check" check ("target" in ('EXPERIMENT', 'ORGANISATION'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "search_outbox" cascade;`);
  }

}
