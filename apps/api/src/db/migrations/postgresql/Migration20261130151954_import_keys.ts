import { Migration } from '@mikro-orm/migrations';

export class Migration20261130151954_import_keys extends Migration {

  override name = 'Migration20261130151954_import_keys';

  override up(): void | Promise<void> {
    this.addSql(`alter table "artefacts" add "external_id" varchar(120) null;`);
    this.addSql(`alter table "artefacts" add constraint "artefacts_experiment_id_external_id_unique" unique ("experiment_id", "external_id");`);

    this.addSql(`alter table "outcomes" add "external_id" varchar(120) null;`);
    this.addSql(`alter table "outcomes" add constraint "outcomes_experiment_id_external_id_unique" unique ("experiment_id", "external_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "artefacts" drop constraint "artefacts_experiment_id_external_id_unique";`);
    this.addSql(`alter table "artefacts" drop column "external_id";`);

    this.addSql(`alter table "outcomes" drop constraint "outcomes_experiment_id_external_id_unique";`);
    this.addSql(`alter table "outcomes" drop column "external_id";`);
  }

}
