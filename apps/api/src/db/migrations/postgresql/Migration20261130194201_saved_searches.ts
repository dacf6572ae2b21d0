import { Migration } from '@mikro-orm/migrations';

export class Migration20261130194201_saved_searches extends Migration {

  override name = 'Migration20261130194201_saved_searches';

  override up(): void | Promise<void> {
    this.addSql(`create table "saved_searches" ("id" varchar(36) not null, "member_id" varchar(36) not null, "name" varchar(200) not null, "query" varchar(200) not null, "filter" jsonb not null, "fingerprint" varchar(64) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "saved_searches_member_id_created_at_index" on "saved_searches" ("member_id", "created_at");`);
    this.addSql(`alter table "saved_searches" add constraint "saved_searches_member_id_fingerprint_unique" unique ("member_id", "fingerprint");`);

    this.addSql(`alter table "notifications" drop constraint "notifications_kind_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED', 'ARTEFACT_PROBLEM', 'REVIEW_DUE', 'RESULTS_OVERDUE', 'SAVED_SEARCH_MATCH', 'CO_EDITOR_INVITATION'));`);

    this.addSql(`alter table "saved_searches" add constraint "saved_searches_member_id_foreign" foreign key ("member_id") references "members" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "saved_searches" cascade;`);

    this.addSql(`alter table "notifications" drop constraint "notifications_kind_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED', 'ARTEFACT_PROBLEM', 'REVIEW_DUE', 'RESULTS_OVERDUE', 'CO_EDITOR_INVITATION'));`);
  }

}
