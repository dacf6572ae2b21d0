import { Migration } from '@mikro-orm/migrations';

export class Migration20261130185019_co_editor_invitations extends Migration {

  override name = 'Migration20261130185019_co_editor_invitations';

  override up(): void | Promise<void> {
    this.addSql(`create table "co_editor_invitations" ("id" varchar(36) not null, "experiment_id" varchar(36) not null, "member_id" varchar(36) not null, "invited_by_id" varchar(36) null, "status" text not null default 'PENDING', "created_at" timestamptz not null, "responded_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "co_editor_invitations_member_id_status_index" on "co_editor_invitations" ("member_id", "status");`);
    this.addSql(`alter table "co_editor_invitations" add constraint "co_editor_invitations_experiment_id_member_id_unique" unique ("experiment_id", "member_id");`);

    this.addSql(`alter table "domain_events" drop constraint "domain_events_kind_check";`);
    this.addSql(`alter table "domain_events" add constraint "domain_events_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORK_PUBLISHED', 'ARTEFACT_CHANGED', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED', 'CO_EDITOR_INVITED'));`);

    this.addSql(`alter table "notifications" drop constraint "notifications_kind_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED', 'ARTEFACT_PROBLEM', 'REVIEW_DUE', 'RESULTS_OVERDUE', 'CO_EDITOR_INVITATION'));`);

    this.addSql(`alter table "co_editor_invitations" add constraint "co_editor_invitations_experiment_id_foreign" foreign key ("experiment_id") references "experiments" ("id") on delete cascade;`);
    this.addSql(`alter table "co_editor_invitations" add constraint "co_editor_invitations_member_id_foreign" foreign key ("member_id") references "members" ("id") on delete cascade;`);
    this.addSql(`alter table "co_editor_invitations" add constraint "co_editor_invitations_invited_by_id_foreign" foreign key ("invited_by_id") references "members" ("id") on delete set null;`);
    this.addSql(`alter table "co_editor_invitations" add constraint "co_editor_invitations_status_check" check ("status" in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "co_editor_invitations" cascade;`);

    this.addSql(`alter table "domain_events" drop constraint "domain_events_kind_check";`);
    this.addSql(`alter table "domain_events" add constraint "domain_events_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORK_PUBLISHED', 'ARTEFACT_CHANGED', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED'));`);

    this.addSql(`alter table "notifications" drop constraint "notifications_kind_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED', 'ARTEFACT_PROBLEM', 'REVIEW_DUE', 'RESULTS_OVERDUE'));`);
  }

}
