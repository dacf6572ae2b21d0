import { Migration } from '@mikro-orm/migrations';

export class Migration20261130154233_discussions extends Migration {

  override name = 'Migration20261130154233_discussions';

  override up(): void | Promise<void> {
    this.addSql(`create table "interests" ("id" varchar(36) not null, "experiment_id" varchar(36) not null, "organisation_id" varchar(36) not null, "member_id" varchar(36) not null, "level" text not null, "note" varchar(500) null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "interests_experiment_id_level_index" on "interests" ("experiment_id", "level");`);
    this.addSql(`alter table "interests" add constraint "interests_experiment_id_organisation_id_unique" unique ("experiment_id", "organisation_id");`);

    this.addSql(`create table "discussions" ("id" varchar(36) not null, "title" varchar(200) not null, "experiment_id" varchar(36) null, "author_id" varchar(36) not null, "answer_post_id" varchar(36) null, "answered_at" timestamptz null, "locked_at" timestamptz null, "lock_reason" varchar(500) null, "hidden_at" timestamptz null, "reply_count" int not null default 0, "last_activity_at" timestamptz not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "discussions_last_activity_at_index" on "discussions" ("last_activity_at");`);
    this.addSql(`create index "discussions_experiment_id_last_activity_at_index" on "discussions" ("experiment_id", "last_activity_at");`);

    this.addSql(`create table "discussion_topics" ("id" varchar(36) not null, "discussion_id" varchar(36) not null, "kind" text not null, "key" varchar(100) not null, primary key ("id"));`);
    this.addSql(`create index "discussion_topics_kind_key_index" on "discussion_topics" ("kind", "key");`);
    this.addSql(`alter table "discussion_topics" add constraint "discussion_topics_discussion_id_kind_key_unique" unique ("discussion_id", "kind", "key");`);

    this.addSql(`create table "posts" ("id" varchar(36) not null, "discussion_id" varchar(36) not null, "author_id" varchar(36) not null, "opening" boolean not null default false, "from_team" boolean not null default false, "body" text not null, "body_html" text not null, "edited_at" timestamptz null, "deleted_at" timestamptz null, "hidden_at" timestamptz null, "moderation_reason" varchar(500) null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "posts_author_id_created_at_index" on "posts" ("author_id", "created_at");`);
    this.addSql(`create index "posts_discussion_id_created_at_index" on "posts" ("discussion_id", "created_at");`);

    this.addSql(`create table "post_citations" ("post_id" varchar(36) not null, "experiment_id" varchar(36) not null, primary key ("post_id", "experiment_id"));`);

    this.addSql(`create table "post_reports" ("id" varchar(36) not null, "post_id" varchar(36) not null, "reporter_id" varchar(36) not null, "reason" varchar(500) not null, "created_at" timestamptz not null, "resolved_at" timestamptz null, "resolved_by_id" varchar(36) null, primary key ("id"));`);
    this.addSql(`create index "post_reports_resolved_at_created_at_index" on "post_reports" ("resolved_at", "created_at");`);
    this.addSql(`alter table "post_reports" add constraint "post_reports_post_id_reporter_id_unique" unique ("post_id", "reporter_id");`);

    this.addSql(`create table "post_revisions" ("id" varchar(36) not null, "post_id" varchar(36) not null, "body" text not null, "replaced_at" timestamptz not null, primary key ("id"));`);

    this.addSql(`alter table "domain_events" drop constraint "domain_events_kind_check";`);
    this.addSql(`alter table "domain_events" add "discussion_id" varchar(36) null;`);
    this.addSql(`alter table "domain_events" alter column "experiment_id" drop not null;`);
    this.addSql(`alter table "domain_events" add constraint "domain_events_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORK_PUBLISHED', 'ARTEFACT_CHANGED', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED'));`);

    this.addSql(`alter table "members" add "moderator" boolean not null default false;`);

    this.addSql(`alter table "follows" drop constraint "follows_target_check";`);
    this.addSql(`alter table "follows" add constraint "follows_target_check" check ("target" in ('EXPERIMENT', 'SERVICE_AREA', 'THEME', 'ORGANISATION', 'DISCUSSION'));`);

    this.addSql(`alter table "notifications" drop constraint "notifications_kind_check";`);
    this.addSql(`alter table "notifications" add "discussion_id" varchar(36) null;`);
    this.addSql(`alter table "notifications" alter column "experiment_id" drop not null;`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED'));`);

    this.addSql(`alter table "webhook_deliveries" drop constraint "webhook_deliveries_event_check";`);
    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_event_check" check ("event" in ('EXPERIMENT_PUBLISHED', 'OUTCOME_PUBLISHED', 'EXPERIMENT_FORKED', 'DISCUSSION_STARTED', 'DISCUSSION_ANSWERED'));`);

    this.addSql(`alter table "interests" add constraint "interests_experiment_id_foreign" foreign key ("experiment_id") references "experiments" ("id") on delete cascade;`);
    this.addSql(`alter table "interests" add constraint "interests_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete cascade;`);
    this.addSql(`alter table "interests" add constraint "interests_member_id_foreign" foreign key ("member_id") references "members" ("id");`);
    this.addSql(`alter table "interests" add constraint "interests_level_check" check ("level" in ('CONSIDERING', 'PLANNING', 'TRYING'));`);

    this.addSql(`alter table "discussions" add constraint "discussions_experiment_id_foreign" foreign key ("experiment_id") references "experiments" ("id") on delete cascade;`);
    this.addSql(`alter table "discussions" add constraint "discussions_author_id_foreign" foreign key ("author_id") references "members" ("id");`);

    this.addSql(`alter table "discussion_topics" add constraint "discussion_topics_discussion_id_foreign" foreign key ("discussion_id") references "discussions" ("id") on delete cascade;`);
    this.addSql(`alter table "discussion_topics" add constraint "discussion_topics_kind_check" check ("kind" in ('SERVICE_AREA', 'THEME'));`);

    this.addSql(`alter table "posts" add constraint "posts_discussion_id_foreign" foreign key ("discussion_id") references "discussions" ("id") on delete cascade;`);
    this.addSql(`alter table "posts" add constraint "posts_author_id_foreign" foreign key ("author_id") references "members" ("id");`);

    this.addSql(`alter table "post_citations" add constraint "post_citations_post_id_foreign" foreign key ("post_id") references "posts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "post_citations" add constraint "post_citations_experiment_id_foreign" foreign key ("experiment_id") references "experiments" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "post_reports" add constraint "post_reports_post_id_foreign" foreign key ("post_id") references "posts" ("id") on delete cascade;`);
    this.addSql(`alter table "post_reports" add constraint "post_reports_reporter_id_foreign" foreign key ("reporter_id") references "members" ("id") on delete cascade;`);

    this.addSql(`alter table "post_revisions" add constraint "post_revisions_post_id_foreign" foreign key ("post_id") references "posts" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "discussion_topics" drop constraint "discussion_topics_discussion_id_foreign";`);
    this.addSql(`alter table "posts" drop constraint "posts_discussion_id_foreign";`);
    this.addSql(`alter table "post_citations" drop constraint "post_citations_post_id_foreign";`);
    this.addSql(`alter table "post_reports" drop constraint "post_reports_post_id_foreign";`);
    this.addSql(`alter table "post_revisions" drop constraint "post_revisions_post_id_foreign";`);

    this.addSql(`drop table if exists "interests" cascade;`);
    this.addSql(`drop table if exists "discussions" cascade;`);
    this.addSql(`drop table if exists "discussion_topics" cascade;`);
    this.addSql(`drop table if exists "posts" cascade;`);
    this.addSql(`drop table if exists "post_citations" cascade;`);
    this.addSql(`drop table if exists "post_reports" cascade;`);
    this.addSql(`drop table if exists "post_revisions" cascade;`);

    this.addSql(`alter table "domain_events" drop constraint "domain_events_kind_check";`);
    this.addSql(`alter table "domain_events" drop column "discussion_id";`);
    this.addSql(`alter table "domain_events" alter column "experiment_id" set not null;`);
    this.addSql(`alter table "domain_events" add constraint "domain_events_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORK_PUBLISHED', 'ARTEFACT_CHANGED'));`);

    this.addSql(`alter table "follows" drop constraint "follows_target_check";`);
    this.addSql(`alter table "follows" add constraint "follows_target_check" check ("target" in ('EXPERIMENT', 'SERVICE_AREA', 'THEME', 'ORGANISATION'));`);

    this.addSql(`alter table "members" drop column "moderator";`);

    this.addSql(`alter table "notifications" drop constraint "notifications_kind_check";`);
    this.addSql(`alter table "notifications" drop column "discussion_id";`);
    this.addSql(`alter table "notifications" alter column "experiment_id" set not null;`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE'));`);

    this.addSql(`alter table "webhook_deliveries" drop constraint "webhook_deliveries_event_check";`);
    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_event_check" check ("event" in ('EXPERIMENT_PUBLISHED', 'OUTCOME_PUBLISHED', 'EXPERIMENT_FORKED'));`);
  }

}
