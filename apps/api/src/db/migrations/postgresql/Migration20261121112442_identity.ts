import { Migration } from '@mikro-orm/migrations';

export class Migration20261121112442_identity extends Migration {

  override name = 'Migration20261121112442_identity';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_entries" ("id" varchar(36) not null, "actor_id" varchar(36) null, "actor_name" varchar(200) null, "actor_organisation_id" varchar(36) null, "subject_organisation_id" varchar(36) null, "operation" varchar(100) not null, "entity_type" varchar(100) not null, "entity_id" varchar(100) not null, "change" varchar(10) not null, "before" jsonb null, "after" jsonb null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "audit_entries_actor_id_index" on "audit_entries" ("actor_id");`);
    this.addSql(`create index "audit_entries_actor_organisation_id_created_at_index" on "audit_entries" ("actor_organisation_id", "created_at");`);
    this.addSql(`create index "audit_entries_subject_organisation_id_created_at_index" on "audit_entries" ("subject_organisation_id", "created_at");`);

    this.addSql(`create table "dev_mail" ("id" varchar(36) not null, "to" varchar(320) not null, "subject" varchar(300) not null, "text" text not null, "created_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`create table "join_requests" ("id" varchar(36) not null, "member_id" varchar(36) not null, "organisation_id" varchar(36) not null, "message" text null, "status" text not null default 'PENDING', "created_at" timestamptz not null, "decided_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "join_requests_organisation_id_status_index" on "join_requests" ("organisation_id", "status");`);

    this.addSql(`create table "experiment_team_members" ("id" varchar(36) not null, "experiment_id" varchar(36) not null, "member_id" varchar(36) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "experiment_team_members" add constraint "experiment_team_members_experiment_id_member_id_unique" unique ("experiment_id", "member_id");`);

    this.addSql(`create table "api_keys" ("id" varchar(36) not null, "organisation_id" varchar(36) not null, "name" varchar(100) not null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "scopes" jsonb not null, "created_by_id" varchar(36) null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_prefix_unique" unique ("prefix");`);
    this.addSql(`create index "api_keys_organisation_id_index" on "api_keys" ("organisation_id");`);

    this.addSql(`create table "organisation_domains" ("id" varchar(36) not null, "domain" varchar(253) not null, "organisation_id" varchar(36) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "organisation_domains" add constraint "organisation_domains_domain_unique" unique ("domain");`);
    this.addSql(`create index "organisation_domains_organisation_id_index" on "organisation_domains" ("organisation_id");`);

    this.addSql(`create table "sessions" ("id" varchar(36) not null, "token_hash" varchar(64) not null, "member_id" varchar(36) not null, "csrf_token" varchar(64) not null, "user_agent" varchar(300) null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "sessions_member_id_index" on "sessions" ("member_id");`);

    this.addSql(`create table "sign_in_tokens" ("id" varchar(36) not null, "token_hash" varchar(64) not null, "email" varchar(320) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "sign_in_tokens" add constraint "sign_in_tokens_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "sign_in_tokens_email_index" on "sign_in_tokens" ("email");`);

    this.addSql(`alter table "members" drop constraint "members_organisation_id_foreign";`);

    this.addSql(`alter table "members" add "platform_admin" boolean not null default false, add "deleted_at" timestamptz null;`);
    this.addSql(`alter table "members" alter column "organisation_id" drop not null;`);
    this.addSql(`alter table "members" add constraint "members_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete set null;`);

    this.addSql(`alter table "join_requests" add constraint "join_requests_member_id_foreign" foreign key ("member_id") references "members" ("id") on delete cascade;`);
    this.addSql(`alter table "join_requests" add constraint "join_requests_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`);
    this.addSql(`alter table "join_requests" add constraint "join_requests_status_check" check ("status" in ('PENDING', 'APPROVED', 'REJECTED'));`);

    this.addSql(`alter table "experiment_team_members" add constraint "experiment_team_members_experiment_id_foreign" foreign key ("experiment_id") references "experiments" ("id") on delete cascade;`);
    this.addSql(`alter table "experiment_team_members" add constraint "experiment_team_members_member_id_foreign" foreign key ("member_id") references "members" ("id") on delete cascade;`);

    this.addSql(`alter table "api_keys" add constraint "api_keys_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_created_by_id_foreign" foreign key ("created_by_id") references "members" ("id") on delete set null;`);

    this.addSql(`alter table "organisation_domains" add constraint "organisation_domains_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`);

    this.addSql(`alter table "sessions" add constraint "sessions_member_id_foreign" foreign key ("member_id") references "members" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "audit_entries" cascade;`);
    this.addSql(`drop table if exists "dev_mail" cascade;`);
    this.addSql(`drop table if exists "join_requests" cascade;`);
    this.addSql(`drop table if exists "experiment_team_members" cascade;`);
    this.addSql(`drop table if exists "api_keys" cascade;`);
    this.addSql(`drop table if exists "organisation_domains" cascade;`);
    this.addSql(`drop table if exists "sessions" cascade;`);
    this.addSql(`drop table if exists "sign_in_tokens" cascade;`);

    this.addSql(`alter table "members" drop constraint "members_organisation_id_foreign";`);

    this.addSql(`alter table "members" drop column "platform_admin", drop column "deleted_at";`);
    this.addSql(`alter table "members" alter column "organisation_id" set not null;`);
    this.addSql(`alter table "members" add constraint "members_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on update no action on delete no action;`);
  }

}
