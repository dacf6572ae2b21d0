import { Migration } from '@mikro-orm/migrations';

export class Migration20261130194154_saved_searches extends Migration {

  override name = 'Migration20261130194154_saved_searches';

  override up(): void | Promise<void> {
    this.addSql(`create table \`saved_searches\` (\`id\` text not null primary key, \`member_id\` text not null, \`name\` text not null, \`query\` text not null, \`filter\` json not null, \`fingerprint\` text not null, \`created_at\` datetime not null, constraint \`saved_searches_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`saved_searches_member_id_index\` on \`saved_searches\` (\`member_id\`);`);
    this.addSql(`create index \`saved_searches_member_id_created_at_index\` on \`saved_searches\` (\`member_id\`, \`created_at\`);`);
    this.addSql(`create unique index \`saved_searches_member_id_fingerprint_unique\` on \`saved_searches\` (\`member_id\`, \`fingerprint\`);`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`notifications__temp_alter\` (\`id\` text not null primary key, \`member_id\` text not null, \`event_id\` text not null, \`kind\` text check (\`kind\` in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED', 'ARTEFACT_PROBLEM', 'REVIEW_DUE', 'RESULTS_OVERDUE', 'SAVED_SEARCH_MATCH', 'CO_EDITOR_INVITATION')) not null, \`experiment_id\` text null, \`discussion_id\` text null, \`message\` text not null, \`created_at\` datetime not null, \`read_at\` datetime null, \`emailed_at\` datetime null, constraint \`notifications_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on delete cascade, constraint \`notifications_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on delete cascade);`);
    this.addSql(`insert into \`notifications__temp_alter\` select \`id\`, \`member_id\`, \`event_id\`, \`kind\`, \`experiment_id\`, \`discussion_id\`, \`message\`, \`created_at\`, \`read_at\`, \`emailed_at\` from \`notifications\`;`);
    this.addSql(`drop table \`notifications\`;`);
    this.addSql(`alter table \`notifications__temp_alter\` rename to \`notifications\`;`);
    this.addSql(`create index \`notifications_member_id_index\` on \`notifications\` (\`member_id\`);`);
    this.addSql(`create index \`notifications_experiment_id_index\` on \`notifications\` (\`experiment_id\`);`);
    this.addSql(`create index \`notifications_member_id_created_at_index\` on \`notifications\` (\`member_id\`, \`created_at\`);`);
    this.addSql(`create unique index \`notifications_member_id_event_id_unique\` on \`notifications\` (\`member_id\`, \`event_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`saved_searches\`;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`notifications__temp_alter\` (\`id\` TEXT not null primary key, \`member_id\` TEXT not null, \`event_id\` TEXT not null, \`kind\` TEXT check (\`kind\` in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED', 'ARTEFACT_PROBLEM', 'REVIEW_DUE', 'RESULTS_OVERDUE', 'CO_EDITOR_INVITATION')) not null, \`experiment_id\` TEXT null, \`discussion_id\` TEXT null, \`message\` TEXT not null, \`created_at\` datetime not null, \`read_at\` datetime null, \`emailed_at\` datetime null, constraint \`notifications_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on update no action on delete cascade, constraint \`notifications_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on update no action on delete cascade);`);
    this.addSql(`insert into \`notifications__temp_alter\` select \`id\`, \`member_id\`, \`event_id\`, \`kind\`, \`experiment_id\`, \`discussion_id\`, \`message\`, \`created_at\`, \`read_at\`, \`emailed_at\` from \`notifications\`;`);
    this.addSql(`drop table \`notifications\`;`);
    this.addSql(`alter table \`notifications__temp_alter\` rename to \`notifications\`;`);
    this.addSql(`create unique index \`notifications_member_id_event_id_unique\` on \`notifications\` (\`member_id\`, \`event_id\`);`);
    this.addSql(`create index \`notifications_member_id_created_at_index\` on \`notifications\` (\`member_id\`, \`created_at\`);`);
    this.addSql(`create index \`notifications_experiment_id_index\` on \`notifications\` (\`experiment_id\`);`);
    this.addSql(`create index \`notifications_member_id_index\` on \`notifications\` (\`member_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
