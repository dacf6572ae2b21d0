import { Migration } from '@mikro-orm/migrations';

export class Migration20261130151225_freshness extends Migration {

  override name = 'Migration20261130151225_freshness';

  override up(): void | Promise<void> {
    this.addSql(`create table "measure_registrations" ("id" varchar(36) not null, "experiment_id" varchar(36) not null, "measures" jsonb not null, "evaluation_design" text not null, "target_evidence_level" int not null, "evaluation_plan" text null, "registered_by_id" varchar(36) null, "registered_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "measure_registrations" add constraint "measure_registrations_experiment_id_unique" unique ("experiment_id");`);

    this.addSql(`alter table "members" add "freshness_reminders" boolean not null default true;`);

    this.addSql(`alter table "experiments" add "content_changed_at" timestamptz null;`);

    this.addSql(`alter table "notifications" drop constraint "notifications_kind_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE', 'REVIEW_DUE', 'RESULTS_OVERDUE'));`);

    this.addSql(`alter table "measure_registrations" add constraint "measure_registrations_experiment_id_foreign" foreign key ("experiment_id") references "experiments" ("id") on delete cascade;`);
    this.addSql(`alter table "measure_registrations" add constraint "measure_registrations_registered_by_id_foreign" foreign key ("registered_by_id") references "members" ("id") on delete set null;`);
    this.addSql(`alter table "measure_registrations" add constraint "measure_registrations_evaluation_design_check" check ("evaluation_design" in ('RANDOMISED_TRIAL', 'QUASI_EXPERIMENTAL', 'BEFORE_AFTER', 'QUALITATIVE', 'CASE_STUDY'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "measure_registrations" cascade;`);

    this.addSql(`alter table "experiments" drop column "content_changed_at";`);

    this.addSql(`alter table "members" drop column "freshness_reminders";`);

    this.addSql(`alter table "notifications" drop constraint "notifications_kind_check";`);
    this.addSql(`alter table "notifications" add constraint "notifications_kind_check" check ("kind" in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE'));`);
  }

}
