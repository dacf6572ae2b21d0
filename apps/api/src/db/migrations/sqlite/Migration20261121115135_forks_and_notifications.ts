import { Migration } from '@mikro-orm/migrations';

export class Migration20261121115135_forks_and_notifications extends Migration {

  override name = 'Migration20261121115135_forks_and_notifications';

  override up(): void | Promise<void> {
    this.addSql(`create table \`domain_events\` (\`id\` text not null primary key, \`kind\` text check (\`kind\` in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORK_PUBLISHED', 'ARTEFACT_CHANGED')) not null, \`experiment_id\` text not null, \`actor_id\` text null, \`data\` json null, \`attempts\` integer not null default 0, \`last_error\` text null, \`available_at\` datetime not null, \`claimed_by\` text null, \`claimed_until\` datetime null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`domain_events_available_at_index\` on \`domain_events\` (\`available_at\`);`);

    this.addSql(`create table \`follows\` (\`id\` text not null primary key, \`member_id\` text not null, \`target\` text check (\`target\` in ('EXPERIMENT', 'SERVICE_AREA', 'THEME', 'ORGANISATION')) not null, \`target_key\` text not null, \`created_at\` datetime not null, constraint \`follows_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`follows_member_id_index\` on \`follows\` (\`member_id\`);`);
    this.addSql(`create index \`follows_target_target_key_index\` on \`follows\` (\`target\`, \`target_key\`);`);
    this.addSql(`create unique index \`follows_member_id_target_target_key_unique\` on \`follows\` (\`member_id\`, \`target\`, \`target_key\`);`);

    this.addSql(`create table \`notifications\` (\`id\` text not null primary key, \`member_id\` text not null, \`event_id\` text not null, \`kind\` text check (\`kind\` in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE')) not null, \`experiment_id\` text not null, \`message\` text not null, \`created_at\` datetime not null, \`read_at\` datetime null, \`emailed_at\` datetime null, constraint \`notifications_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on delete cascade, constraint \`notifications_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`notifications_member_id_index\` on \`notifications\` (\`member_id\`);`);
    this.addSql(`create index \`notifications_experiment_id_index\` on \`notifications\` (\`experiment_id\`);`);
    this.addSql(`create index \`notifications_member_id_created_at_index\` on \`notifications\` (\`member_id\`, \`created_at\`);`);
    this.addSql(`create unique index \`notifications_member_id_event_id_unique\` on \`notifications\` (\`member_id\`, \`event_id\`);`);

    this.addSql(`alter table \`members\` add column \`digest\` text not null default 'NONE';`);
    this.addSql(`alter table \`members\` add column \`last_digest_at\` datetime null;`);

    this.addSql(`alter table \`experiments\` add column \`family_id\` text null;`);
    this.addSql(`create index \`experiments_family_id_index\` on \`experiments\` (\`family_id\`);`);

    this.addSql(`alter table \`artefacts\` add column \`source_artefact_id\` text null constraint \`artefacts_source_artefact_id_foreign\` references \`artefacts\` (\`id\`) on delete set null;`);
    this.addSql(`create index \`artefacts_source_artefact_id_index\` on \`artefacts\` (\`source_artefact_id\`);`);
    // Every existing experiment is the original of its own fork family.
    this.addSql(`update \`experiments\` set \`family_id\` = \`id\` where \`family_id\` is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`domain_events\`;`);
    this.addSql(`drop table if exists \`follows\`;`);
    this.addSql(`drop table if exists \`notifications\`;`);

    this.addSql(`drop index \`artefacts_source_artefact_id_index\`;`);
    this.addSql(`alter table \`artefacts\` drop column \`source_artefact_id\`;`);

    this.addSql(`drop index \`experiments_family_id_index\`;`);
    this.addSql(`alter table \`experiments\` drop column \`family_id\`;`);

    this.addSql(`alter table \`members\` drop column \`digest\`;`);
    this.addSql(`alter table \`members\` drop column \`last_digest_at\`;`);
  }

}
