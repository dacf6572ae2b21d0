import { Migration } from '@mikro-orm/migrations';

export class Migration20261121112442_identity extends Migration {

  override name = 'Migration20261121112442_identity';

  override up(): void | Promise<void> {
    this.addSql(`create table \`audit_entries\` (\`id\` text not null primary key, \`actor_id\` text null, \`actor_name\` text null, \`actor_organisation_id\` text null, \`subject_organisation_id\` text null, \`operation\` text not null, \`entity_type\` text not null, \`entity_id\` text not null, \`change\` text not null, \`before\` json null, \`after\` json null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`audit_entries_actor_id_index\` on \`audit_entries\` (\`actor_id\`);`);
    this.addSql(`create index \`audit_entries_actor_organisation_id_created_at_index\` on \`audit_entries\` (\`actor_organisation_id\`, \`created_at\`);`);
    this.addSql(`create index \`audit_entries_subject_organisation_id_created_at_index\` on \`audit_entries\` (\`subject_organisation_id\`, \`created_at\`);`);

    this.addSql(`create table \`dev_mail\` (\`id\` text not null primary key, \`to\` text not null, \`subject\` text not null, \`text\` text not null, \`created_at\` datetime not null);`);

    this.addSql(`create table \`join_requests\` (\`id\` text not null primary key, \`member_id\` text not null, \`organisation_id\` text not null, \`message\` text null, \`status\` text check (\`status\` in ('PENDING', 'APPROVED', 'REJECTED')) not null default 'PENDING', \`created_at\` datetime not null, \`decided_at\` datetime null, constraint \`join_requests_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on delete cascade, constraint \`join_requests_organisation_id_foreign\` foreign key (\`organisation_id\`) references \`organisations\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`join_requests_member_id_index\` on \`join_requests\` (\`member_id\`);`);
    this.addSql(`create index \`join_requests_organisation_id_index\` on \`join_requests\` (\`organisation_id\`);`);
    this.addSql(`create index \`join_requests_organisation_id_status_index\` on \`join_requests\` (\`organisation_id\`, \`status\`);`);

    this.addSql(`create table \`experiment_team_members\` (\`id\` text not null primary key, \`experiment_id\` text not null, \`member_id\` text not null, \`created_at\` datetime not null, constraint \`experiment_team_members_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on delete cascade, constraint \`experiment_team_members_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`experiment_team_members_experiment_id_index\` on \`experiment_team_members\` (\`experiment_id\`);`);
    this.addSql(`create index \`experiment_team_members_member_id_index\` on \`experiment_team_members\` (\`member_id\`);`);
    this.addSql(`create unique index \`experiment_team_members_experiment_id_member_id_unique\` on \`experiment_team_members\` (\`experiment_id\`, \`member_id\`);`);

    this.addSql(`create table \`api_keys\` (\`id\` text not null primary key, \`organisation_id\` text not null, \`name\` text not null, \`prefix\` text not null, \`secret_hash\` text not null, \`scopes\` json not null, \`created_by_id\` text null, \`created_at\` datetime not null, \`last_used_at\` datetime null, \`revoked_at\` datetime null, constraint \`api_keys_organisation_id_foreign\` foreign key (\`organisation_id\`) references \`organisations\` (\`id\`) on delete cascade, constraint \`api_keys_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`members\` (\`id\`) on delete set null);`);
    this.addSql(`create unique index \`api_keys_prefix_unique\` on \`api_keys\` (\`prefix\`);`);
    this.addSql(`create index \`api_keys_created_by_id_index\` on \`api_keys\` (\`created_by_id\`);`);
    this.addSql(`create index \`api_keys_organisation_id_index\` on \`api_keys\` (\`organisation_id\`);`);

    this.addSql(`create table \`organisation_domains\` (\`id\` text not null primary key, \`domain\` text not null, \`organisation_id\` text not null, \`created_at\` datetime not null, constraint \`organisation_domains_organisation_id_foreign\` foreign key (\`organisation_id\`) references \`organisations\` (\`id\`) on delete cascade);`);
    this.addSql(`create unique index \`organisation_domains_domain_unique\` on \`organisation_domains\` (\`domain\`);`);
    this.addSql(`create index \`organisation_domains_organisation_id_index\` on \`organisation_domains\` (\`organisation_id\`);`);

    this.addSql(`create table \`sessions\` (\`id\` text not null primary key, \`token_hash\` text not null, \`member_id\` text not null, \`csrf_token\` text not null, \`user_agent\` text null, \`created_at\` datetime not null, \`last_seen_at\` datetime not null, \`expires_at\` datetime not null, constraint \`sessions_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on delete cascade);`);
    this.addSql(`create unique index \`sessions_token_hash_unique\` on \`sessions\` (\`token_hash\`);`);
    this.addSql(`create index \`sessions_member_id_index\` on \`sessions\` (\`member_id\`);`);

    this.addSql(`create table \`sign_in_tokens\` (\`id\` text not null primary key, \`token_hash\` text not null, \`email\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`used_at\` datetime null);`);
    this.addSql(`create unique index \`sign_in_tokens_token_hash_unique\` on \`sign_in_tokens\` (\`token_hash\`);`);
    this.addSql(`create index \`sign_in_tokens_email_index\` on \`sign_in_tokens\` (\`email\`);`);

    // Rebuilding members (to make organisation_id nullable) drops the old table. The pragma below is ignored
    // inside the migration's transaction, so that drop would fire ON DELETE SET NULL on experiments.created_by_id:
    // keep those links aside and put them back.
    this.addSql(`create temporary table \`_experiment_creators\` as select \`id\`, \`created_by_id\` from \`experiments\` where \`created_by_id\` is not null;`);
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`members__temp_alter\` (\`id\` text not null primary key, \`name\` text not null, \`job_title\` text null, \`email\` text not null, \`organisation_id\` text null, \`role\` text check (\`role\` in ('MEMBER', 'EDITOR', 'ADMIN')) not null default 'MEMBER', \`is_demo\` integer not null default false, \`platform_admin\` integer not null default false, \`deleted_at\` datetime null, \`created_at\` datetime not null, constraint \`members_organisation_id_foreign\` foreign key (\`organisation_id\`) references \`organisations\` (\`id\`) on delete set null);`);
    this.addSql(`insert into \`members__temp_alter\` select \`id\`, \`name\`, \`job_title\`, \`email\`, \`organisation_id\`, \`role\`, \`is_demo\`, 0 as \`platform_admin\`, null as \`deleted_at\`, \`created_at\` from \`members\`;`);
    this.addSql(`drop table \`members\`;`);
    this.addSql(`alter table \`members__temp_alter\` rename to \`members\`;`);
    this.addSql(`create unique index \`members_email_unique\` on \`members\` (\`email\`);`);
    this.addSql(`create index \`members_organisation_id_index\` on \`members\` (\`organisation_id\`);`);
    this.addSql(`create index \`members_organisation_id_role_index\` on \`members\` (\`organisation_id\`, \`role\`);`);
    this.addSql(`pragma foreign_keys = on;`);
    this.addSql(`update \`experiments\` set \`created_by_id\` = (select \`created_by_id\` from \`_experiment_creators\` c where c.\`id\` = \`experiments\`.\`id\`) where \`id\` in (select \`id\` from \`_experiment_creators\`);`);
    this.addSql(`drop table \`_experiment_creators\`;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`audit_entries\`;`);
    this.addSql(`drop table if exists \`dev_mail\`;`);
    this.addSql(`drop table if exists \`join_requests\`;`);
    this.addSql(`drop table if exists \`experiment_team_members\`;`);
    this.addSql(`drop table if exists \`api_keys\`;`);
    this.addSql(`drop table if exists \`organisation_domains\`;`);
    this.addSql(`drop table if exists \`sessions\`;`);
    this.addSql(`drop table if exists \`sign_in_tokens\`;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`members__temp_alter\` (\`id\` TEXT not null primary key, \`name\` TEXT not null, \`job_title\` TEXT null, \`email\` TEXT not null, \`organisation_id\` TEXT not null, \`role\` TEXT check (\`role\` in ('MEMBER', 'EDITOR', 'ADMIN')) not null default 'MEMBER', \`is_demo\` INTEGER not null default false, \`created_at\` datetime not null, constraint \`members_organisation_id_foreign\` foreign key (\`organisation_id\`) references \`organisations\` (\`id\`) on update no action on delete no action);`);
    this.addSql(`insert into \`members__temp_alter\` select \`id\`, \`name\`, \`job_title\`, \`email\`, \`organisation_id\`, \`role\`, \`is_demo\`, \`created_at\` from \`members\`;`);
    this.addSql(`drop table \`members\`;`);
    this.addSql(`alter table \`members__temp_alter\` rename to \`members\`;`);
    this.addSql(`create index \`members_organisation_id_role_index\` on \`members\` (\`organisation_id\`, \`role\`);`);
    this.addSql(`create index \`members_organisation_id_index\` on \`members\` (\`organisation_id\`);`);
    this.addSql(`create unique index \`members_email_unique\` on \`members\` (\`email\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
