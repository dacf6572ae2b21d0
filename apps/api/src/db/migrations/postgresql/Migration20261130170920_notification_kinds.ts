import { Migration } from '@mikro-orm/migrations';

export class Migration20261130170920_notification_kinds extends Migration {

  override name = 'Migration20261130170920_notification_kinds';

  override up(): void | Promise<void> {
    this.addSql(`alter table "notifications" drop constraint "notifications_kind_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED', 'ARTEFACT_PROBLEM', 'REVIEW_DUE', 'RESULTS_OVERDUE'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "notifications" drop constraint "notifications_kind_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED', 'REVIEW_DUE', 'RESULTS_OVERDUE'));`);
  }

}
