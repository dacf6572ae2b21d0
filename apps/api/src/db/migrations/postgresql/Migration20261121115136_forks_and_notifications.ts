import { Migration } from '@mikro-orm/migrations';

export class Migration20261121115136_forks_and_notifications extends Migration {

  override name = 'Migration20261121115136_forks_and_notifications';

  override up(): void | Promise<void> {
    this.addSql(`create table "domain_events" ("id" varchar(36) not null, "kind" text not null, "experiment_id" varchar(36) not null, "actor_id" varchar(36) null, "data" jsonb null, "attempts" int not null default 0, "last_error" text null, "available_at" timestamptz not null, "claimed_by" varchar(36) null, "claimed_until" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "domain_events_available_at_index" on "domain_events" ("available_at");`);

    this.addSql(`create table "follows" ("id" varchar(36) not null, "member_id" varchar(36) not null, "target" text not null, "target_key" varchar(100) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "follows_target_target_key_index" on "follows" ("target", "target_key");`);
    this.addSql(`alter table "follows" add constraint "follows_member_id_target_target_key_unique" unique ("member_id", "target", "target_key");`);

    this.addSql(`create table "notifications" ("id" varchar(36) not null, "member_id" varchar(36) not null, "event_id" varchar(36) not null, "kind" text not null, "experiment_id" varchar(36) not null, "message" text not null, "created_at" timestamptz not null, "read_at" timestamptz null, "emailed_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "notifications_member_id_created_at_index" on "notifications" ("member_id", "created_at");`);
    this.addSql(`alter table "notifications" add constraint "notifications_member_id_event_id_unique" unique ("member_id", "event_id");`);

    this.addSql(`alter table "members" add "digest" varchar(10) not null default 'NONE', add "last_digest_at" timestamptz null;`);

    this.addSql(`alter table "experiments" add "family_id" varchar(36) null;`);
    this.addSql(`create index "experiments_family_id_index" on "experiments" ("family_id");`);

    this.addSql(`alter table "artefacts" add "source_artefact_id" varchar(36) null;`);
    this.addSql(`alter table "artefacts" add constraint "artefacts_source_artefact_id_foreign" foreign key ("source_artefact_id") references "artefacts" ("id") on delete set null;`);

    this.addSql(`alter table "domain_events" add constraint "domain_events_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORK_PUBLISHED', 'ARTEFACT_CHANGED'));`);

    this.addSql(`alter table "follows" add constraint "follows_member_id_foreign" foreign key ("member_id") references "members" ("id") on delete cascade;`);
    this.addSql(`alter table "follows" add constraint "follows_target_check" check ("target" in ('EXPERIMENT', 'SERVICE_AREA', 'THEME', 'ORGANISATION'));`);

    this.addSql(`alter table "notifications" add constraint "notifications_member_id_foreign" foreign key ("member_id") references "members" ("id") on delete cascade;`);
    this.addSql(`alter table "notifications" add constraint "notifications_experiment_id_foreign" foreign key ("experiment_id") references "experiments" ("id") on delete cascade;`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE'));`);
    // Every existing experiment is the original of its own fork family.
    this.addSql(`update "experiments" set "family_id" = "id" where "family_id" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "domain_events" cascade;`);
    this.addSql(`drop table if exists "follows" cascade;`);
    this.addSql(`drop table if exists "notifications" cascade;`);

    this.addSql(`alter table "artefacts" drop constraint "artefacts_source_artefact_id_foreign";`);

    this.addSql(`alter table "artefacts" drop column "source_artefact_id";`);

    this.addSql(`drop index "experiments_family_id_index";`);
    this.addSql(`alter table "experiments" drop column "family_id";`);

    this.addSql(`alter table "members" drop column "digest", drop column "last_digest_at";`);
  }

}
