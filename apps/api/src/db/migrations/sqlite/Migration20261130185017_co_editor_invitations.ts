import { Migration } from '@mikro-orm/migrations';

export class Migration20261130185017_co_editor_invitations extends Migration {

  override name = 'Migration20261130185017_co_editor_invitations';

  override up(): void | Promise<void> {
    this.addSql(`create table \`co_editor_invitations\` (\`id\` text not null primary key, \`experiment_id\` text not null, \`member_id\` text not null, \`invited_by_id\` text null, \`status\` text check (\`status\` in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')) not null default 'PENDING', \`created_at\` datetime not null, \`responded_at\` datetime null, constraint \`co_editor_invitations_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on delete cascade, constraint \`co_editor_invitations_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on delete cascade, constraint \`co_editor_invitations_invited_by_id_foreign\` foreign key (\`invited_by_id\`) references \`members\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`co_editor_invitations_experiment_id_index\` on \`co_editor_invitations\` (\`experiment_id\`);`);
    this.addSql(`create index \`co_editor_invitations_member_id_index\` on \`co_editor_invitations\` (\`member_id\`);`);
    this.addSql(`create index \`co_editor_invitations_invited_by_id_index\` on \`co_editor_invitations\` (\`invited_by_id\`);`);
    this.addSql(`create index \`co_editor_invitations_member_id_status_index\` on \`co_editor_invitations\` (\`member_id\`, \`status\`);`);
    this.addSql(`create unique index \`co_editor_invitations_experiment_id_member_id_unique\` on \`co_editor_invitations\` (\`experiment_id\`, \`member_id\`);`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`domain_events__temp_alter\` (\`id\` text not null primary key, \`kind\` text check (\`kind\` in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORK_PUBLISHED', 'ARTEFACT_CHANGED', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED', 'CO_EDITOR_INVITED')) not null, \`experiment_id\` text null, \`discussion_id\` text null, \`actor_id\` text null, \`data\` json null, \`created_at\` datetime not null);`);
    this.addSql(`insert into \`domain_events__temp_alter\` select \`id\`, \`kind\`, \`experiment_id\`, \`discussion_id\`, \`actor_id\`, \`data\`, \`created_at\` from \`domain_events\`;`);
    this.addSql(`drop table \`domain_events\`;`);
    this.addSql(`alter table \`domain_events__temp_alter\` rename to \`domain_events\`;`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`notifications__temp_alter\` (\`id\` text not null primary key, \`member_id\` text not null, \`event_id\` text not null, \`kind\` text check (\`kind\` in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED', 'ARTEFACT_PROBLEM', 'REVIEW_DUE', 'RESULTS_OVERDUE', 'CO_EDITOR_INVITATION')) not null, \`experiment_id\` text null, \`discussion_id\` text null, \`message\` text not null, \`created_at\` datetime not null, \`read_at\` datetime null, \`emailed_at\` datetime null, constraint \`notifications_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on delete cascade, constraint \`notifications_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on delete cascade);`);
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
    this.addSql(`drop table if exists \`co_editor_invitations\`;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`domain_events__temp_alter\` (\`id\` TEXT not null primary key, \`kind\` TEXT check (\`kind\` in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORK_PUBLISHED', 'ARTEFACT_CHANGED', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED')) not null, \`experiment_id\` TEXT null, \`discussion_id\` TEXT null, \`actor_id\` TEXT null, \`data\` json null, \`created_at\` datetime not null);`);
    this.addSql(`insert into \`domain_events__temp_alter\` select \`id\`, \`kind\`, \`experiment_id\`, \`discussion_id\`, \`actor_id\`, \`data\`, \`created_at\` from \`domain_events\`;`);
    this.addSql(`drop table \`domain_events\`;`);
    this.addSql(`alter table \`domain_events__temp_alter\` rename to \`domain_events\`;`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`notifications__temp_alter\` (\`id\` TEXT not null primary key, \`member_id\` TEXT not null, \`event_id\` TEXT not null, \`kind\` TEXT check (\`kind\` in ('NEW_EXPERIMENT', 'NEW_OUTCOME', 'STAGE_CHANGE', 'FORKED', 'UPSTREAM_CHANGE', 'NEW_DISCUSSION', 'NEW_REPLY', 'ANSWER_MARKED', 'ARTEFACT_PROBLEM', 'REVIEW_DUE', 'RESULTS_OVERDUE')) not null, \`experiment_id\` TEXT null, \`discussion_id\` TEXT null, \`message\` TEXT not null, \`created_at\` datetime not null, \`read_at\` datetime null, \`emailed_at\` datetime null, constraint \`notifications_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on update no action on delete cascade, constraint \`notifications_member_id_foreign\` foreign key (\`member_id\`) references \`members\` (\`id\`) on update no action on delete cascade);`);
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
