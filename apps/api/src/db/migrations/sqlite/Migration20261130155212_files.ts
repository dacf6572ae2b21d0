import { Migration } from '@mikro-orm/migrations';

export class Migration20261130155212_files extends Migration {

  override name = 'Migration20261130155212_files';

  override up(): void | Promise<void> {
    this.addSql(`create table \`file_uploads\` (\`id\` text not null primary key, \`member_id\` text not null, \`file_name\` text not null, \`declared_type\` text not null, \`byte_size\` bigint not null, \`token_hash\` text not null, \`expires_at\` datetime not null, \`used_at\` datetime null, \`created_at\` datetime not null, constraint \`file_uploads_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`file_uploads_member_id_index\` on \`file_uploads\` (\`member_id\`);`);
    this.addSql(`create index \`file_uploads_expires_at_index\` on \`file_uploads\` (\`expires_at\`);`);

    this.addSql(`create table \`artefact_files\` (\`id\` text not null primary key, \`artefact_id\` text not null, \`number\` integer not null, \`sha256\` text not null, \`byte_size\` bigint not null, \`content_type\` text not null, \`file_name\` text not null, \`scan_status\` text check (\`scan_status\` in ('PENDING', 'CLEAN', 'NOT_SCANNED', 'INFECTED')) not null, \`text_status\` text check (\`text_status\` in ('PENDING', 'EXTRACTED', 'NONE', 'FAILED')) not null default 'PENDING', \`text\` text null, \`downloads\` integer not null default 0, \`created_at\` datetime not null, constraint \`artefact_files_artefact_id_foreign\` foreign key (\`artefact_id\`) references \`artefacts\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`artefact_files_artefact_id_index\` on \`artefact_files\` (\`artefact_id\`);`);
    this.addSql(`create index \`artefact_files_sha256_index\` on \`artefact_files\` (\`sha256\`);`);
    this.addSql(`create unique index \`artefact_files_artefact_id_number_unique\` on \`artefact_files\` (\`artefact_id\`, \`number\`);`);

    this.addSql(`alter table \`artefacts\` add column \`document_text\` text null;`);
    this.addSql(`alter table \`artefacts\` add column \`link_status\` text null;`);
    this.addSql(`alter table \`artefacts\` add column \`link_checked_at\` datetime null;`);
    this.addSql(`alter table \`artefacts\` add column \`link_last_worked_at\` datetime null;`);
    this.addSql(`alter table \`artefacts\` add column \`link_problem\` text null;`);
    this.addSql(`alter table \`artefacts\` add column \`link_failures\` integer not null default 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`file_uploads\`;`);
    this.addSql(`drop table if exists \`artefact_files\`;`);

    this.addSql(`alter table \`artefacts\` drop column \`document_text\`;`);
    this.addSql(`alter table \`artefacts\` drop column \`link_status\`;`);
    this.addSql(`alter table \`artefacts\` drop column \`link_checked_at\`;`);
    this.addSql(`alter table \`artefacts\` drop column \`link_last_worked_at\`;`);
    this.addSql(`alter table \`artefacts\` drop column \`link_problem\`;`);
    this.addSql(`alter table \`artefacts\` drop column \`link_failures\`;`);

  }

}
