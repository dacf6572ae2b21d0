import { Migration } from '@mikro-orm/migrations';

export class Migration20261130151949_import_keys extends Migration {

  override name = 'Migration20261130151949_import_keys';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`artefacts\` add column \`external_id\` text null;`);
    this.addSql(`create unique index \`artefacts_experiment_id_external_id_unique\` on \`artefacts\` (\`experiment_id\`, \`external_id\`);`);

    this.addSql(`alter table \`outcomes\` add column \`external_id\` text null;`);
    this.addSql(`create unique index \`outcomes_experiment_id_external_id_unique\` on \`outcomes\` (\`experiment_id\`, \`external_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`artefacts_experiment_id_external_id_unique\`;`);
    this.addSql(`alter table \`artefacts\` drop column \`external_id\`;`);

    this.addSql(`drop index \`outcomes_experiment_id_external_id_unique\`;`);
    this.addSql(`alter table \`outcomes\` drop column \`external_id\`;`);
  }

}
