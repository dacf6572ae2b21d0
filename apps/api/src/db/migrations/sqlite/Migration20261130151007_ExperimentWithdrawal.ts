import { Migration } from '@mikro-orm/migrations';

export class Migration20261130151007_ExperimentWithdrawal extends Migration {

  override name = 'Migration20261130151007_ExperimentWithdrawal';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`experiments\` add column \`withdrawn_at\` datetime null;`);
    this.addSql(`alter table \`experiments\` add column \`withdrawal_reason\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`experiments\` drop column \`withdrawn_at\`;`);
    this.addSql(`alter table \`experiments\` drop column \`withdrawal_reason\`;`);
  }

}
