import { Migration } from '@mikro-orm/migrations';

export class Migration20261121103453_initial extends Migration {

  override name = 'Migration20261121103453_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "organisations" ("id" varchar(36) not null, "slug" varchar(160) not null, "name" varchar(200) not null, "official_name" varchar(300) not null, "kind" text not null, "gss_code" varchar(9) null, "la_code" varchar(8) null, "nation" text null, "region" varchar(60) null, "council_type" text null, "population" int null, "area_km2" double precision null, "density" double precision null, "deprivation_score" double precision null, "deprivation_quintile" int null, "rural_urban_class" text null, "latitude" double precision null, "longitude" double precision null, "hex_layout" varchar(20) null, "hex_q" int null, "hex_r" int null, "is_demo" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "organisations" add constraint "organisations_slug_unique" unique ("slug");`);
    this.addSql(`alter table "organisations" add constraint "organisations_gss_code_unique" unique ("gss_code");`);
    this.addSql(`create index "organisations_nation_index" on "organisations" ("nation");`);
    this.addSql(`create index "organisations_region_index" on "organisations" ("region");`);

    this.addSql(`create table "members" ("id" varchar(36) not null, "name" varchar(200) not null, "job_title" varchar(200) null, "email" varchar(320) not null, "organisation_id" varchar(36) not null, "role" text not null default 'MEMBER', "is_demo" boolean not null default false, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "members" add constraint "members_email_unique" unique ("email");`);
    this.addSql(`create index "members_organisation_id_role_index" on "members" ("organisation_id", "role");`);

    this.addSql(`create table "experiments" ("id" varchar(36) not null, "slug" varchar(140) not null, "title" varchar(200) not null, "summary" text not null, "problem" text not null default '', "who_it_serves" text null, "what_is_new" text not null default '', "approach" text not null default '', "themes" jsonb not null, "stage" text not null default 'IDEA', "start_date" varchar(10) null, "end_date" varchar(10) null, "budget_band" text null, "actual_cost" int null, "funding_source" varchar(200) null, "lead_organisation_id" varchar(36) not null, "contact_name" varchar(200) null, "contact_role" varchar(200) null, "contact_email" varchar(320) null, "licence" text not null default 'OGL_3', "status" text not null default 'DRAFT', "version" int not null default 1, "fork_parent_id" varchar(36) null, "adaptation_notes" text null, "last_reviewed_on" varchar(10) null, "external_id" varchar(120) null, "created_by_id" varchar(36) null, "published_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "experiments" add constraint "experiments_slug_unique" unique ("slug");`);
    this.addSql(`create index "experiments_lead_organisation_id_status_index" on "experiments" ("lead_organisation_id", "status");`);
    this.addSql(`create index "experiments_status_published_at_index" on "experiments" ("status", "published_at");`);
    this.addSql(`alter table "experiments" add constraint "experiments_lead_organisation_id_external_id_unique" unique ("lead_organisation_id", "external_id");`);

    this.addSql(`create table "experiment_partners" ("id" varchar(36) not null, "experiment_id" varchar(36) not null, "organisation_id" varchar(36) null, "name" varchar(200) not null, "role" text not null, "contribution" varchar(200) null, "position" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "experiment_partners_experiment_id_position_index" on "experiment_partners" ("experiment_id", "position");`);

    this.addSql(`create table "experiment_places" ("experiment_id" varchar(36) not null, "organisation_id" varchar(36) not null, primary key ("experiment_id", "organisation_id"));`);

    this.addSql(`create table "artefacts" ("id" varchar(36) not null, "experiment_id" varchar(36) not null, "owner_id" varchar(36) not null, "type" text not null, "title" varchar(200) not null, "description" text null, "licence" text not null, "format" varchar(60) null, "document_version" varchar(40) null, "url" varchar(2000) not null, "last_reviewed_on" varchar(10) null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "artefacts_experiment_id_created_at_index" on "artefacts" ("experiment_id", "created_at");`);

    this.addSql(`create table "outcomes" ("id" varchar(36) not null, "experiment_id" varchar(36) not null, "title" varchar(200) not null, "verdict" text not null, "measures" jsonb not null, "evaluation_design" text not null, "evidence_level" int not null, "independent_evaluation" boolean not null default false, "evaluated_by" varchar(200) null, "cost_per_participant" double precision null, "annual_savings" int null, "what_worked" text null, "what_did_not_work" text null, "conditions_for_success" text null, "reported_on" varchar(10) null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "outcomes_verdict_index" on "outcomes" ("verdict");`);
    this.addSql(`create index "outcomes_experiment_id_created_at_index" on "outcomes" ("experiment_id", "created_at");`);

    this.addSql(`create table "service_areas" ("slug" varchar(60) not null, "name" varchar(120) not null, "position" int not null, primary key ("slug"));`);

    this.addSql(`create table "experiment_service_areas" ("experiment_id" varchar(36) not null, "service_area_slug" varchar(60) not null, primary key ("experiment_id", "service_area_slug"));`);

    this.addSql(`create table "stage_changes" ("id" varchar(36) not null, "experiment_id" varchar(36) not null, "stage" text not null, "changed_on" varchar(10) not null, "note" text null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "stage_changes_experiment_id_changed_on_index" on "stage_changes" ("experiment_id", "changed_on");`);

    this.addSql(`alter table "organisations" add constraint "organisations_kind_check" check ("kind" in ('COUNCIL', 'VOLUNTARY_AND_COMMUNITY', 'NHS', 'POLICE', 'EDUCATION', 'ACADEMIC', 'PRIVATE', 'NATIONAL_BODY'));`);
    this.addSql(`alter table "organisations" add constraint "organisations_nation_check" check ("nation" in ('ENGLAND', 'SCOTLAND', 'WALES', 'NORTHERN_IRELAND'));`);
    this.addSql(`alter table "organisations" add constraint "organisations_council_type_check" check ("council_type" in ('COUNTY', 'NON_METROPOLITAN_DISTRICT', 'UNITARY_AUTHORITY', 'METROPOLITAN_DISTRICT', 'LONDON_BOROUGH', 'CITY_CORPORATION', 'SCOTTISH_UNITARY_AUTHORITY', 'WELSH_UNITARY_AUTHORITY', 'NI_DISTRICT', 'COMBINED_AUTHORITY', 'STRATEGIC_REGIONAL_AUTHORITY'));`);
    this.addSql(`alter table "organisations" add constraint "organisations_rural_urban_class_check" check ("rural_urban_class" in ('URBAN', 'URBAN_WITH_RURAL_AREAS', 'RURAL', 'SPARSE_AND_RURAL'));`);

    this.addSql(`alter table "members" add constraint "members_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id");`);
    this.addSql(`alter table "members" add constraint "members_role_check" check ("role" in ('MEMBER', 'EDITOR', 'ADMIN'));`);

    this.addSql(`alter table "experiments" add constraint "experiments_lead_organisation_id_foreign" foreign key ("lead_organisation_id") references "organisations" ("id");`);
    this.addSql(`alter table "experiments" add constraint "experiments_fork_parent_id_foreign" foreign key ("fork_parent_id") references "experiments" ("id") on delete set null;`);
    this.addSql(`alter table "experiments" add constraint "experiments_created_by_id_foreign" foreign key ("created_by_id") references "members" ("id") on delete set null;`);
    this.addSql(`alter table "experiments" add constraint "experiments_stage_check" check ("stage" in ('IDEA', 'DISCOVERY', 'PILOT', 'EVALUATING', 'SCALING', 'EMBEDDED', 'STOPPED'));`);
    this.addSql(`alter table "experiments" add constraint "experiments_budget_band_check" check ("budget_band" in ('UNDER_10K', 'FROM_10K_TO_50K', 'FROM_50K_TO_250K', 'FROM_250K_TO_1M', 'OVER_1M'));`);
    this.addSql(`alter table "experiments" add constraint "experiments_licence_check" check ("licence" in ('OGL_3', 'CC_BY_4', 'CC_BY_SA_4', 'CC0_1', 'MIT', 'APACHE_2', 'GPL_3', 'ALL_RIGHTS_RESERVED'));`);
    this.addSql(`alter table "experiments" add constraint "experiments_status_check" check ("status" in ('DRAFT', 'PUBLISHED', 'ARCHIVED'));`);

    this.addSql(`alter table "experiment_partners" add constraint "experiment_partners_experiment_id_foreign" foreign key ("experiment_id") references "experiments" ("id") on delete cascade;`);
    this.addSql(`alter table "experiment_partners" add constraint "experiment_partners_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on delete set null;`);
    this.addSql(`alter table "experiment_partners" add constraint "experiment_partners_role_check" check ("role" in ('CO_LEAD', 'DELIVERY', 'FUNDER', 'EVALUATOR', 'ADVISER', 'OTHER'));`);

    this.addSql(`alter table "experiment_places" add constraint "experiment_places_experiment_id_foreign" foreign key ("experiment_id") references "experiments" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "experiment_places" add constraint "experiment_places_organisation_id_foreign" foreign key ("organisation_id") references "organisations" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "artefacts" add constraint "artefacts_experiment_id_foreign" foreign key ("experiment_id") references "experiments" ("id") on delete cascade;`);
    this.addSql(`alter table "artefacts" add constraint "artefacts_owner_id_foreign" foreign key ("owner_id") references "organisations" ("id");`);
    this.addSql(`alter table "artefacts" add constraint "artefacts_type_check" check ("type" in ('BUSINESS_CASE', 'TOOLKIT', 'EVALUATION_REPORT', 'TEMPLATE', 'SERVICE_BLUEPRINT', 'CODE_REPOSITORY', 'DATA_SET', 'GUIDANCE', 'OTHER'));`);
    this.addSql(`alter table "artefacts" add constraint "artefacts_licence_check" check ("licence" in ('OGL_3', 'CC_BY_4', 'CC_BY_SA_4', 'CC0_1', 'MIT', 'APACHE_2', 'GPL_3', 'ALL_RIGHTS_RESERVED'));`);

    this.addSql(`alter table "outcomes" add constraint "outcomes_experiment_id_foreign" foreign key ("experiment_id") references "experiments" ("id") on delete cascade;`);
    this.addSql(`alter table "outcomes" add constraint "outcomes_verdict_check" check ("verdict" in ('WORKED', 'MIXED', 'NO_EFFECT', 'HARMFUL', 'INCONCLUSIVE', 'STOPPED_EARLY'));`);
    this.addSql(`alter table "outcomes" add constraint "outcomes_evaluation_design_check" check ("evaluation_design" in ('RANDOMISED_TRIAL', 'QUASI_EXPERIMENTAL', 'BEFORE_AFTER', 'QUALITATIVE', 'CASE_STUDY'));`);

    this.addSql(`alter table "experiment_service_areas" add constraint "experiment_service_areas_experiment_id_foreign" foreign key ("experiment_id") references "experiments" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "experiment_service_areas" add constraint "experiment_service_areas_service_area_slug_foreign" foreign key ("service_area_slug") references "service_areas" ("slug") on update cascade on delete cascade;`);

    this.addSql(`alter table "stage_changes" add constraint "stage_changes_experiment_id_foreign" foreign key ("experiment_id") references "experiments" ("id") on delete cascade;`);
    this.addSql(`alter table "stage_changes" add constraint "stage_changes_stage_check" check ("stage" in ('IDEA', 'DISCOVERY', 'PILOT', 'EVALUATING', 'SCALING', 'EMBEDDED', 'STOPPED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "members" drop constraint "members_organisation_id_foreign";`);
    this.addSql(`alter table "experiments" drop constraint "experiments_lead_organisation_id_foreign";`);
    this.addSql(`alter table "experiment_partners" drop constraint "experiment_partners_organisation_id_foreign";`);
    this.addSql(`alter table "experiment_places" drop constraint "experiment_places_organisation_id_foreign";`);
    this.addSql(`alter table "artefacts" drop constraint "artefacts_owner_id_foreign";`);
    this.addSql(`alter table "experiments" drop constraint "experiments_created_by_id_foreign";`);
    this.addSql(`alter table "experiments" drop constraint "experiments_fork_parent_id_foreign";`);
    this.addSql(`alter table "experiment_partners" drop constraint "experiment_partners_experiment_id_foreign";`);
    this.addSql(`alter table "experiment_places" drop constraint "experiment_places_experiment_id_foreign";`);
    this.addSql(`alter table "artefacts" drop constraint "artefacts_experiment_id_foreign";`);
    this.addSql(`alter table "outcomes" drop constraint "outcomes_experiment_id_foreign";`);
    this.addSql(`alter table "experiment_service_areas" drop constraint "experiment_service_areas_experiment_id_foreign";`);
    this.addSql(`alter table "stage_changes" drop constraint "stage_changes_experiment_id_foreign";`);
    this.addSql(`alter table "experiment_service_areas" drop constraint "experiment_service_areas_service_area_slug_foreign";`);

    this.addSql(`drop table if exists "organisations" cascade;`);
    this.addSql(`drop table if exists "members" cascade;`);
    this.addSql(`drop table if exists "experiments" cascade;`);
    this.addSql(`drop table if exists "experiment_partners" cascade;`);
    this.addSql(`drop table if exists "experiment_places" cascade;`);
    this.addSql(`drop table if exists "artefacts" cascade;`);
    this.addSql(`drop table if exists "outcomes" cascade;`);
    this.addSql(`drop table if exists "service_areas" cascade;`);
    this.addSql(`drop table if exists "experiment_service_areas" cascade;`);
    this.addSql(`drop table if exists "stage_changes" cascade;`);
  }

}
