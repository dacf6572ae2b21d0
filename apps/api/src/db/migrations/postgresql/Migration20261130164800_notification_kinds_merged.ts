import { Migration } from '@mikro-orm/migrations';

export class Migration20261130164800_notification_kinds_merged extends Migration {

  override name = 'Migration20261130164800_notification_kinds_merged';

  override up(): void | Promise<void> {
    this.addSql(`alter table "notifications" drop constraint "notifications_kind_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE', 'ARTEFACT_PROBLEM', 'REVIEW_DUE', 'RESULTS_OVERDUE'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "notifications" drop constraint "notifications_kind_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE', 'ARTEFACT_PROBLEM'));`);
  }

}
