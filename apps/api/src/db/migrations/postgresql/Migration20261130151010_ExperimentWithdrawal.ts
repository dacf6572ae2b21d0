import { Migration } from '@mikro-orm/migrations';

export class Migration20261130151010_ExperimentWithdrawal extends Migration {

  override name = 'Migration20261130151010_ExperimentWithdrawal';

  override up(): void | Promise<void> {
    this.addSql(`alter table "experiments" add "withdrawn_at" timestamptz null, add "withdrawal_reason" text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "experiments" drop column "withdrawn_at", drop column "withdrawal_reason";`);
  }

}
