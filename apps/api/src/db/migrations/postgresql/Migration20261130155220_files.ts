import { Migration } from '@mikro-orm/migrations';

export class Migration20261130155220_files extends Migration {

  override name = 'Migration20261130155220_files';

  override up(): void | Promise<void> {
    this.addSql(`create table "file_uploads" ("id" varchar(36) not null, "member_id" varchar(36) not null, "file_name" varchar(200) not null, "declared_type" varchar(120) not null, "byte_size" bigint not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "file_uploads_expires_at_index" on "file_uploads" ("expires_at");`);

    this.addSql(`create table "artefact_files" ("id" varchar(36) not null, "artefact_id" varchar(36) not null, "number" int not null, "sha256" varchar(64) not null, "byte_size" bigint not null, "content_type" varchar(120) not null, "file_name" varchar(200) not null, "scan_status" text not null, "text_status" text not null default 'PENDING', "text" text null, "downloads" int not null default 0, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "artefact_files_sha256_index" on "artefact_files" ("sha256");`);
    this.addSql(`alter table "artefact_files" add constraint "artefact_files_artefact_id_number_unique" unique ("artefact_id", "number");`);


    this.addSql(`alter table "artefacts" add "document_text" text null, add "link_status" varchar(10) null, add "link_checked_at" timestamptz null, add "link_last_worked_at" timestamptz null, add "link_problem" varchar(200) null, add "link_failures" int not null default 0;`);

    this.addSql(`alter table "file_uploads" add constraint "file_uploads_member_id_foreign" foreign key ("member_id") references "members" ("id") on delete cascade;`);

    this.addSql(`alter table "artefact_files" add constraint "artefact_files_artefact_id_foreign" foreign key ("artefact_id") references "artefacts" ("id") on delete cascade;`);
    this.addSql(`alter table "artefact_files" add constraint "artefact_files_scan_status_check" check ("scan_status" in ('PENDING', 'CLEAN', 'NOT_SCANNED', 'INFECTED'));`);
    this.addSql(`alter table "artefact_files" add constraint "artefact_files_text_status_check" check ("text_status" in ('PENDING', 'EXTRACTED', 'NONE', 'FAILED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "file_uploads" cascade;`);
    this.addSql(`drop table if exists "artefact_files" cascade;`);

    this.addSql(`alter table "artefacts" drop column "document_text", drop column "link_status", drop column "link_checked_at", drop column "link_last_worked_at", drop column "link_problem", drop column "link_failures";`);

  }

}
