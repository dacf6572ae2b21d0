import { Migration } from '@mikro-orm/migrations';

export class Migration20261130154227_discussions extends Migration {

  override name = 'Migration20261130154227_discussions';

  override up(): void | Promise<void> {
    this.addSql(`create table \`interests\` (\`id\` text not null primary key, \`experiment_id\` text not null, \`organisation_id\` text not null, \`member_id\` text not null, \`level\` text check (\`level\` in ('CONSIDERING', 'PLANNING', 'TRYING')) not null, \`note\` text null, \`updated_at\` datetime not null, constraint \`interests_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on delete cascade, constraint \`interests_organisation_id_foreign\` foreign key (\`organisation_id\`) references \`organisations\` (\`id\`) on delete cascade, constraint \`interests_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`));`);
    this.addSql(`create index \`interests_experiment_id_index\` on \`interests\` (\`experiment_id\`);`);
    this.addSql(`create index \`interests_organisation_id_index\` on \`interests\` (\`organisation_id\`);`);
    this.addSql(`create index \`interests_member_id_index\` on \`interests\` (\`member_id\`);`);
    this.addSql(`create index \`interests_experiment_id_level_index\` on \`interests\` (\`experiment_id\`, \`level\`);`);
    this.addSql(`create unique index \`interests_experiment_id_organisation_id_unique\` on \`interests\` (\`experiment_id\`, \`organisation_id\`);`);

    this.addSql(`create table \`discussions\` (\`id\` text not null primary key, \`title\` text not null, \`experiment_id\` text null, \`author_id\` text not null, \`answer_post_id\` text null, \`answered_at\` datetime null, \`locked_at\` datetime null, \`lock_reason\` text null, \`hidden_at\` datetime null, \`reply_count\` integer not null default 0, \`last_activity_at\` datetime not null, \`created_at\` datetime not null, constraint \`discussions_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on delete cascade, constraint \`discussions_author_id_foreign\` foreign key (\`author_id\`) references \`members\` (\`id\`));`);
    this.addSql(`create index \`discussions_experiment_id_index\` on \`discussions\` (\`experiment_id\`);`);
    this.addSql(`create index \`discussions_author_id_index\` on \`discussions\` (\`author_id\`);`);
    this.addSql(`create index \`discussions_last_activity_at_index\` on \`discussions\` (\`last_activity_at\`);`);
    this.addSql(`create index \`discussions_experiment_id_last_activity_at_index\` on \`discussions\` (\`experiment_id\`, \`last_activity_at\`);`);

    this.addSql(`create table \`discussion_topics\` (\`id\` text not null primary key, \`discussion_id\` text not null, \`kind\` text check (\`kind\` in ('SERVICE_AREA', 'THEME')) not null, \`key\` text not null, constraint \`discussion_topics_discussion_id_foreign\` foreign key (\`discussion_id\`) references \`discussions\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`discussion_topics_discussion_id_index\` on \`discussion_topics\` (\`discussion_id\`);`);
    this.addSql(`create index \`discussion_topics_kind_key_index\` on \`discussion_topics\` (\`kind\`, \`key\`);`);
    this.addSql(`create unique index \`discussion_topics_discussion_id_kind_key_unique\` on \`discussion_topics\` (\`discussion_id\`, \`kind\`, \`key\`);`);

    this.addSql(`create table \`posts\` (\`id\` text not null primary key, \`discussion_id\` text not null, \`author_id\` text not null, \`opening\` integer not null default false, \`from_team\` integer not null default false, \`body\` text not null, \`body_html\` text not null, \`edited_at\` datetime null, \`deleted_at\` datetime null, \`hidden_at\` datetime null, \`moderation_reason\` text null, \`created_at\` datetime not null, constraint \`posts_discussion_id_foreign\` foreign key (\`discussion_id\`) references \`discussions\` (\`id\`) on delete cascade, constraint \`posts_author_id_foreign\` foreign key (\`author_id\`) references \`members\` (\`id\`));`);
    this.addSql(`create index \`posts_discussion_id_index\` on \`posts\` (\`discussion_id\`);`);
    this.addSql(`create index \`posts_author_id_index\` on \`posts\` (\`author_id\`);`);
    this.addSql(`create index \`posts_author_id_created_at_index\` on \`posts\` (\`author_id\`, \`created_at\`);`);
    this.addSql(`create index \`posts_discussion_id_created_at_index\` on \`posts\` (\`discussion_id\`, \`created_at\`);`);

    this.addSql(`create table \`post_citations\` (\`post_id\` text not null, \`experiment_id\` text not null, primary key (\`post_id\`, \`experiment_id\`), constraint \`post_citations_post_id_foreign\` foreign key (\`post_id\`) references \`posts\` (\`id\`) on update cascade on delete cascade, constraint \`post_citations_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on update cascade on delete cascade);`);
    this.addSql(`create index \`post_citations_post_id_index\` on \`post_citations\` (\`post_id\`);`);
    this.addSql(`create index \`post_citations_experiment_id_index\` on \`post_citations\` (\`experiment_id\`);`);

    this.addSql(`create table \`post_reports\` (\`id\` text not null primary key, \`post_id\` text not null, \`reporter_id\` text not null, \`reason\` text not null, \`created_at\` datetime not null, \`resolved_at\` datetime null, \`resolved_by_id\` text null, constraint \`post_reports_post_id_foreign\` foreign key (\`post_id\`) references \`posts\` (\`id\`) on delete cascade, constraint \`post_reports_reporter_id_foreign\` foreign key (\`reporter_id\`) references \`members\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`post_reports_post_id_index\` on \`post_reports\` (\`post_id\`);`);
    this.addSql(`create index \`post_reports_reporter_id_index\` on \`post_reports\` (\`reporter_id\`);`);
    this.addSql(`create index \`post_reports_resolved_at_created_at_index\` on \`post_reports\` (\`resolved_at\`, \`created_at\`);`);
    this.addSql(`create unique index \`post_reports_post_id_reporter_id_unique\` on \`post_reports\` (\`post_id\`, \`reporter_id\`);`);

    this.addSql(`create table \`post_revisions\` (\`id\` text not null primary key, \`post_id\` text not null, \`body\` text not null, \`replaced_at\` datetime not null, constraint \`post_revisions_post_id_foreign\` foreign key (\`post_id\`) references \`posts\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`post_revisions_post_id_index\` on \`post_revisions\` (\`post_id\`);`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`domain_events__temp_alter\` (\`id\` text not null primary key, \`kind\` text check (\`kind\` in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORK_PUBLISHED', 'ARTEFACT_CHANGED', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED')) not null, \`experiment_id\` text null, \`discussion_id\` text null, \`actor_id\` text null, \`data\` json null, \`created_at\` datetime not null);`);
    this.addSql(`insert into \`domain_events__temp_alter\` select \`id\`, \`kind\`, \`experiment_id\`, null as \`discussion_id\`, \`actor_id\`, \`data\`, \`created_at\` from \`domain_events\`;`);
    this.addSql(`drop table \`domain_events\`;`);
    this.addSql(`alter table \`domain_events__temp_alter\` rename to \`domain_events\`;`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`alter table \`members\` add column \`moderator\` integer not null default false;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`follows__temp_alter\` (\`id\` text not null primary key, \`member_id\` text not null, \`target\` text check (\`target\` in ('EXPERIMENT', 'SERVICE_AREA', 'THEME', 'ORGANISATION', 'DISCUSSION')) not null, \`target_key\` text not null, \`created_at\` datetime not null, constraint \`follows_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on delete cascade);`);
    this.addSql(`insert into \`follows__temp_alter\` select \`id\`, \`member_id\`, \`target\`, \`target_key\`, \`created_at\` from \`follows\`;`);
    this.addSql(`drop table \`follows\`;`);
    this.addSql(`alter table \`follows__temp_alter\` rename to \`follows\`;`);
    this.addSql(`create index \`follows_member_id_index\` on \`follows\` (\`member_id\`);`);
    this.addSql(`create index \`follows_target_target_key_index\` on \`follows\` (\`target\`, \`target_key\`);`);
    this.addSql(`create unique index \`follows_member_id_target_target_key_unique\` on \`follows\` (\`member_id\`, \`target\`, \`target_key\`);`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`notifications__temp_alter\` (\`id\` text not null primary key, \`member_id\` text not null, \`event_id\` text not null, \`kind\` text check (\`kind\` in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED')) not null, \`experiment_id\` text null, \`discussion_id\` text null, \`message\` text not null, \`created_at\` datetime not null, \`read_at\` datetime null, \`emailed_at\` datetime null, constraint \`notifications_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on delete cascade, constraint \`notifications_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on delete cascade);`);
    this.addSql(`insert into \`notifications__temp_alter\` select \`id\`, \`member_id\`, \`event_id\`, \`kind\`, \`experiment_id\`, null as \`discussion_id\`, \`message\`, \`created_at\`, \`read_at\`, \`emailed_at\` from \`notifications\`;`);
    this.addSql(`drop table \`notifications\`;`);
    this.addSql(`alter table \`notifications__temp_alter\` rename to \`notifications\`;`);
    this.addSql(`create index \`notifications_member_id_index\` on \`notifications\` (\`member_id\`);`);
    this.addSql(`create index \`notifications_experiment_id_index\` on \`notifications\` (\`experiment_id\`);`);
    this.addSql(`create index \`notifications_member_id_created_at_index\` on \`notifications\` (\`member_id\`, \`created_at\`);`);
    this.addSql(`create unique index \`notifications_member_id_event_id_unique\` on \`notifications\` (\`member_id\`, \`event_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`webhook_deliveries__temp_alter\` (\`id\` text not null primary key, \`webhook_id\` text not null, \`event\` text check (\`event\` in ('EXPERIMENT_PUBLISHED', 'OUTCOME_PUBLISHED', 'EXPERIMENT_FORKED', 'DISCUSSION_STARTED', 'DISCUSSION_ANSWERED')) not null, \`event_id\` text null, \`payload\` json not null, \`status\` text check (\`status\` in ('PENDING', 'SUCCEEDED', 'FAILED')) not null default 'PENDING', \`attempts\` integer not null default 0, \`last_status_code\` integer null, \`last_error\` text null, \`created_at\` datetime not null, \`delivered_at\` datetime null, constraint \`webhook_deliveries_webhook_id_foreign\` foreign key (\`webhook_id\`) references \`webhooks\` (\`id\`) on delete cascade);`);
    this.addSql(`insert into \`webhook_deliveries__temp_alter\` select \`id\`, \`webhook_id\`, \`event\`, \`event_id\`, \`payload\`, \`status\`, \`attempts\`, \`last_status_code\`, \`last_error\`, \`created_at\`, \`delivered_at\` from \`webhook_deliveries\`;`);
    this.addSql(`drop table \`webhook_deliveries\`;`);
    this.addSql(`alter table \`webhook_deliveries__temp_alter\` rename to \`webhook_deliveries\`;`);
    this.addSql(`create index \`webhook_deliveries_webhook_id_index\` on \`webhook_deliveries\` (\`webhook_id\`);`);
    this.addSql(`create index \`webhook_deliveries_webhook_id_created_at_index\` on \`webhook_deliveries\` (\`webhook_id\`, \`created_at\`);`);
    this.addSql(`create unique index \`webhook_deliveries_webhook_id_event_id_unique\` on \`webhook_deliveries\` (\`webhook_id\`, \`event_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`interests\`;`);
    this.addSql(`drop table if exists \`discussions\`;`);
    this.addSql(`drop table if exists \`discussion_topics\`;`);
    this.addSql(`drop table if exists \`posts\`;`);
    this.addSql(`drop table if exists \`post_citations\`;`);
    this.addSql(`drop table if exists \`post_reports\`;`);
    this.addSql(`drop table if exists \`post_revisions\`;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`domain_events__temp_alter\` (\`id\` TEXT not null primary key, \`kind\` TEXT check (\`kind\` in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORK_PUBLISHED', 'ARTEFACT_CHANGED')) not null, \`experiment_id\` TEXT not null, \`actor_id\` TEXT null, \`data\` json null, \`created_at\` datetime not null);`);
    this.addSql(`insert into \`domain_events__temp_alter\` select \`id\`, \`kind\`, \`experiment_id\`, \`actor_id\`, \`data\`, \`created_at\` from \`domain_events\`;`);
    this.addSql(`drop table \`domain_events\`;`);
    this.addSql(`alter table \`domain_events__temp_alter\` rename to \`domain_events\`;`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`follows__temp_alter\` (\`id\` TEXT not null primary key, \`member_id\` TEXT not null, \`target\` TEXT check (\`target\` in ('EXPERIMENT', 'SERVICE_AREA', 'THEME', 'ORGANISATION')) not null, \`target_key\` TEXT not null, \`created_at\` datetime not null, constraint \`follows_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on update no action on delete cascade);`);
    this.addSql(`insert into \`follows__temp_alter\` select \`id\`, \`member_id\`, \`target\`, \`target_key\`, \`created_at\` from \`follows\`;`);
    this.addSql(`drop table \`follows\`;`);
    this.addSql(`alter table \`follows__temp_alter\` rename to \`follows\`;`);
    this.addSql(`create unique index \`follows_member_id_target_target_key_unique\` on \`follows\` (\`member_id\`, \`target\`, \`target_key\`);`);
    this.addSql(`create index \`follows_target_target_key_index\` on \`follows\` (\`target\`, \`target_key\`);`);
    this.addSql(`create index \`follows_member_id_index\` on \`follows\` (\`member_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`alter table \`members\` drop column \`moderator\`;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`notifications__temp_alter\` (\`id\` TEXT not null primary key, \`member_id\` TEXT not null, \`event_id\` TEXT not null, \`kind\` TEXT check (\`kind\` in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE')) not null, \`experiment_id\` TEXT not null, \`message\` TEXT not null, \`created_at\` datetime not null, \`read_at\` datetime null, \`emailed_at\` datetime null, constraint \`notifications_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on update no action on delete cascade, constraint \`notifications_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on update no action on delete cascade);`);
    this.addSql(`insert into \`notifications__temp_alter\` select \`id\`, \`member_id\`, \`event_id\`, \`kind\`, \`experiment_id\`, \`message\`, \`created_at\`, \`read_at\`, \`emailed_at\` from \`notifications\`;`);
    this.addSql(`drop table \`notifications\`;`);
    this.addSql(`alter table \`notifications__temp_alter\` rename to \`notifications\`;`);
    this.addSql(`create unique index \`notifications_member_id_event_id_unique\` on \`notifications\` (\`member_id\`, \`event_id\`);`);
    this.addSql(`create index \`notifications_member_id_created_at_index\` on \`notifications\` (\`member_id\`, \`created_at\`);`);
    this.addSql(`create index \`notifications_experiment_id_index\` on \`notifications\` (\`experiment_id\`);`);
    this.addSql(`create index \`notifications_member_id_index\` on \`notifications\` (\`member_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`webhook_deliveries__temp_alter\` (\`id\` TEXT not null primary key, \`webhook_id\` TEXT not null, \`event\` TEXT check (\`event\` in ('EXPERIMENT_PUBLISHED', 'OUTCOME_PUBLISHED', 'EXPERIMENT_FORKED')) not null, \`payload\` json not null, \`status\` TEXT check (\`status\` in ('PENDING', 'SUCCEEDED', 'FAILED')) not null default 'PENDING', \`attempts\` INTEGER not null default 0, \`last_status_code\` INTEGER null, \`last_error\` TEXT null, \`created_at\` datetime not null, \`delivered_at\` datetime null, \`event_id\` TEXT null, constraint \`webhook_deliveries_webhook_id_foreign\` foreign key (\`webhook_id\`) references \`webhooks\` (\`id\`) on update no action on delete cascade);`);
    this.addSql(`insert into \`webhook_deliveries__temp_alter\` select \`id\`, \`webhook_id\`, \`event\`, \`payload\`, \`status\`, \`attempts\`, \`last_status_code\`, \`last_error\`, \`created_at\`, \`delivered_at\`, \`event_id\` from \`webhook_deliveries\`;`);
    this.addSql(`drop table \`webhook_deliveries\`;`);
    this.addSql(`alter table \`webhook_deliveries__temp_alter\` rename to \`webhook_deliveries\`;`);
    this.addSql(`create unique index \`webhook_deliveries_webhook_id_event_id_unique\` on \`webhook_deliveries\` (\`webhook_id\`, \`event_id\`);`);
    this.addSql(`create index \`webhook_deliveries_webhook_id_created_at_index\` on \`webhook_deliveries\` (\`webhook_id\`, \`created_at\`);`);
    this.addSql(`create index \`webhook_deliveries_webhook_id_index\` on \`webhook_deliveries\` (\`webhook_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
