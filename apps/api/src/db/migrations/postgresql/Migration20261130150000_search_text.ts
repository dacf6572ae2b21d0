import { Migration } from '@mikro-orm/migrations';

// The degraded search's full-text data (see modules/search/search-text.ts): a denormalised text row per
// experiment with a generated, GIN-indexed tsvector (English stemming; the title weighs more than the body).
export class Migration20261130150000_search_text extends Migration {

  override name = 'Migration20261130150000_search_text';

  override up(): void | Promise<void> {
    this.addSql(`create table "experiment_search_text" ("experiment_id" varchar(36) not null, "title" text not null, "body" text not null, "document" tsvector generated always as (setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "body"), 'B')) stored, primary key ("experiment_id"), constraint "experiment_search_text_experiment_id_foreign" foreign key ("experiment_id") references "experiments" ("id") on delete cascade);`);
    this.addSql(`create index "experiment_search_text_document_index" on "experiment_search_text" using gin ("document");`);
    // Backfill (the same statement as searchTextInsert, frozen here as migrations must be).
    this.addSql(`insert into experiment_search_text (experiment_id, title, body)
      select e.id, e.title, concat_ws(' ', e.summary, e.problem, e.what_is_new, e.approach, e.who_it_serves,
      (select string_agg(value, ' ') from jsonb_array_elements_text(e.themes) as value),
      (select string_agg(sa.name, ' ') from experiment_service_areas esa join service_areas sa on sa.slug = esa.service_area_slug where esa.experiment_id = e.id),
      (select string_agg(concat_ws(' ', o.title, o.what_worked, o.what_did_not_work, o.conditions_for_success), ' ') from outcomes o where o.experiment_id = e.id),
      (select string_agg(a.title, ' ') from artefacts a where a.experiment_id = e.id),
      (select string_agg(p.name, ' ') from experiment_partners p where p.experiment_id = e.id),
      (select string_agg(pl.name, ' ') from experiment_places ep join organisations pl on pl.id = ep.organisation_id where ep.experiment_id = e.id),
      lead.name)
      from experiments e join organisations lead on lead.id = e.lead_organisation_id;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "experiment_search_text";`);
  }

}
