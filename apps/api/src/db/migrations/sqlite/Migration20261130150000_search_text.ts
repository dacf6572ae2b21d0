import { Migration } from '@mikro-orm/migrations';

// The degraded search's full-text data (see modules/search/search-text.ts): a denormalised text row per
// experiment, indexed by an external-content FTS5 table (Porter stemmer) that triggers keep in step.
export class Migration20261130150000_search_text extends Migration {

  override name = 'Migration20261130150000_search_text';

  override up(): void | Promise<void> {
    this.addSql(`create table \`experiment_search_text\` (\`id\` integer not null primary key, \`experiment_id\` text not null unique, \`title\` text not null, \`body\` text not null, constraint \`experiment_search_text_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on delete cascade);`);
    this.addSql(`create virtual table \`experiment_search_fts\` using fts5(title, body, content='experiment_search_text', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');`);
    this.addSql(`create trigger \`experiment_search_text_ai\` after insert on \`experiment_search_text\` begin insert into experiment_search_fts (rowid, title, body) values (new.id, new.title, new.body); end;`);
    this.addSql(`create trigger \`experiment_search_text_ad\` after delete on \`experiment_search_text\` begin insert into experiment_search_fts (experiment_search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body); end;`);
    this.addSql(`create trigger \`experiment_search_text_au\` after update on \`experiment_search_text\` begin insert into experiment_search_fts (experiment_search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body); insert into experiment_search_fts (rowid, title, body) values (new.id, new.title, new.body); end;`);
    // Backfill (the same statement as searchTextInsert, frozen here as migrations must be).
    this.addSql(`insert into experiment_search_text (experiment_id, title, body)
      select e.id, e.title, concat_ws(' ', e.summary, e.problem, e.what_is_new, e.approach, e.who_it_serves,
      (select group_concat(value, ' ') from json_each(e.themes)),
      (select group_concat(sa.name, ' ') from experiment_service_areas esa join service_areas sa on sa.slug = esa.service_area_slug where esa.experiment_id = e.id),
      (select group_concat(concat_ws(' ', o.title, o.what_worked, o.what_did_not_work, o.conditions_for_success), ' ') from outcomes o where o.experiment_id = e.id),
      (select group_concat(a.title, ' ') from artefacts a where a.experiment_id = e.id),
      (select group_concat(p.name, ' ') from experiment_partners p where p.experiment_id = e.id),
      (select group_concat(pl.name, ' ') from experiment_places ep join organisations pl on pl.id = ep.organisation_id where ep.experiment_id = e.id),
      lead.name)
      from experiments e join organisations lead on lead.id = e.lead_organisation_id;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`experiment_search_fts\`;`);
    this.addSql(`drop table if exists \`experiment_search_text\`;`);
  }

}
