import { Migration } from '@mikro-orm/migrations';

export class Migration20261121103451_initial extends Migration {

  override name = 'Migration20261121103451_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table \`organisations\` (\`id\` text not null primary key, \`slug\` text not null, \`name\` text not null, \`official_name\` text not null, \`kind\` text check (\`kind\` in ('COUNCIL', 'VOLUNTARY_AND_COMMUNITY', 'NHS', 'POLICE', 'EDUCATION', 'ACADEMIC', 'PRIVATE', 'NATIONAL_BODY')) not null, \`gss_code\` text null, \`la_code\` text null, \`nation\` text check (\`nation\` in ('ENGLAND', 'SCOTLAND', 'WALES', 'NORTHERN_IRELAND')) null, \`region\` text null, \`council_type\` text check (\`council_type\` in ('COUNTY', 'NON_METROPOLITAN_DISTRICT', 'UNITARY_AUTHORITY', 'METROPOLITAN_DISTRICT', 'LONDON_BOROUGH', 'CITY_CORPORATION', 'SCOTTISH_UNITARY_AUTHORITY', 'WELSH_UNITARY_AUTHORITY', 'NI_DISTRICT', 'COMBINED_AUTHORITY', 'STRATEGIC_REGIONAL_AUTHORITY')) null, \`population\` integer null, \`area_km2\` double null, \`density\` double null, \`deprivation_score\` double null, \`deprivation_quintile\` integer null, \`rural_urban_class\` text check (\`rural_urban_class\` in ('URBAN', 'URBAN_WITH_RURAL_AREAS', 'RURAL', 'SPARSE_AND_RURAL')) null, \`latitude\` double null, \`longitude\` double null, \`hex_layout\` text null, \`hex_q\` integer null, \`hex_r\` integer null, \`is_demo\` integer not null default false, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`organisations_slug_unique\` on \`organisations\` (\`slug\`);`);
    this.addSql(`create unique index \`organisations_gss_code_unique\` on \`organisations\` (\`gss_code\`);`);
    this.addSql(`create index \`organisations_nation_index\` on \`organisations\` (\`nation\`);`);
    this.addSql(`create index \`organisations_region_index\` on \`organisations\` (\`region\`);`);

    this.addSql(`create table \`members\` (\`id\` text not null primary key, \`name\` text not null, \`job_title\` text null, \`email\` text not null, \`organisation_id\` text not null, \`role\` text check (\`role\` in ('MEMBER', 'EDITOR', 'ADMIN')) not null default 'MEMBER', \`is_demo\` integer not null default false, \`created_at\` datetime not null, constraint \`members_organisation_id_foreign\` foreign key (\`organisation_id\`) references \`organisations\` (\`id\`));`);
    this.addSql(`create unique index \`members_email_unique\` on \`members\` (\`email\`);`);
    this.addSql(`create index \`members_organisation_id_index\` on \`members\` (\`organisation_id\`);`);
    this.addSql(`create index \`members_organisation_id_role_index\` on \`members\` (\`organisation_id\`, \`role\`);`);

    this.addSql(`create table \`experiments\` (\`id\` text not null primary key, \`slug\` text not null, \`title\` text not null, \`summary\` text not null, \`problem\` text not null default '', \`who_it_serves\` text null, \`what_is_new\` text not null default '', \`approach\` text not null default '', \`themes\` json not null, \`stage\` text check (\`stage\` in ('IDEA', 'DISCOVERY', 'PILOT', 'EVALUATING', 'SCALING', 'EMBEDDED', 'STOPPED')) not null default 'IDEA', \`start_date\` text null, \`end_date\` text null, \`budget_band\` text check (\`budget_band\` in ('UNDER_10K', 'FROM_10K_TO_50K', 'FROM_50K_TO_250K', 'FROM_250K_TO_1M', 'OVER_1M')) null, \`actual_cost\` integer null, \`funding_source\` text null, \`lead_organisation_id\` text not null, \`contact_name\` text null, \`contact_role\` text null, \`contact_email\` text null, \`licence\` text check (\`licence\` in ('OGL_3', 'CC_BY_4', 'CC_BY_SA_4', 'CC0_1', 'MIT', 'APACHE_2', 'GPL_3', 'ALL_RIGHTS_RESERVED')) not null default 'OGL_3', \`status\` text check (\`status\` in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'DRAFT', \`version\` integer not null default 1, \`fork_parent_id\` text null, \`adaptation_notes\` text null, \`last_reviewed_on\` text null, \`external_id\` text null, \`created_by_id\` text null, \`published_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`experiments_lead_organisation_id_foreign\` foreign key (\`lead_organisation_id\`) references \`organisations\` (\`id\`), constraint \`experiments_fork_parent_id_foreign\` foreign key (\`fork_parent_id\`) references \`experiments\` (\`id\`) on delete set null, constraint \`experiments_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`members\` (\`id\`) on delete set null);`);
    this.addSql(`create unique index \`experiments_slug_unique\` on \`experiments\` (\`slug\`);`);
    this.addSql(`create index \`experiments_lead_organisation_id_index\` on \`experiments\` (\`lead_organisation_id\`);`);
    this.addSql(`create index \`experiments_fork_parent_id_index\` on \`experiments\` (\`fork_parent_id\`);`);
    this.addSql(`create index \`experiments_created_by_id_index\` on \`experiments\` (\`created_by_id\`);`);
    this.addSql(`create index \`experiments_lead_organisation_id_status_index\` on \`experiments\` (\`lead_organisation_id\`, \`status\`);`);
    this.addSql(`create index \`experiments_status_published_at_index\` on \`experiments\` (\`status\`, \`published_at\`);`);
    this.addSql(`create unique index \`experiments_lead_organisation_id_external_id_unique\` on \`experiments\` (\`lead_organisation_id\`, \`external_id\`);`);

    this.addSql(`create table \`experiment_partners\` (\`id\` text not null primary key, \`experiment_id\` text not null, \`organisation_id\` text null, \`name\` text not null, \`role\` text check (\`role\` in ('CO_LEAD', 'DELIVERY', 'FUNDER', 'EVALUATOR', 'ADVISER', 'OTHER')) not null, \`contribution\` text null, \`position\` integer not null default 0, constraint \`experiment_partners_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on delete cascade, constraint \`experiment_partners_organisation_id_foreign\` foreign key (\`organisation_id\`) references \`organisations\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`experiment_partners_experiment_id_index\` on \`experiment_partners\` (\`experiment_id\`);`);
    this.addSql(`create index \`experiment_partners_organisation_id_index\` on \`experiment_partners\` (\`organisation_id\`);`);
    this.addSql(`create index \`experiment_partners_experiment_id_position_index\` on \`experiment_partners\` (\`experiment_id\`, \`position\`);`);

    this.addSql(`create table \`experiment_places\` (\`experiment_id\` text not null, \`organisation_id\` text not null, primary key (\`experiment_id\`, \`organisation_id\`), constraint \`experiment_places_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on update cascade on delete cascade, constraint \`experiment_places_organisation_id_foreign\` foreign key (\`organisation_id\`) references \`organisations\` (\`id\`) on update cascade on delete cascade);`);
    this.addSql(`create index \`experiment_places_experiment_id_index\` on \`experiment_places\` (\`experiment_id\`);`);
    this.addSql(`create index \`experiment_places_organisation_id_index\` on \`experiment_places\` (\`organisation_id\`);`);

    this.addSql(`create table \`artefacts\` (\`id\` text not null primary key, \`experiment_id\` text not null, \`owner_id\` text not null, \`type\` text check (\`type\` in ('BUSINESS_CASE', 'TOOLKIT', 'EVALUATION_REPORT', 'TEMPLATE', 'SERVICE_BLUEPRINT', 'CODE_REPOSITORY', 'DATA_SET', 'GUIDANCE', 'OTHER')) not null, \`title\` text not null, \`description\` text null, \`licence\` text check (\`licence\` in ('OGL_3', 'CC_BY_4', 'CC_BY_SA_4', 'CC0_1', 'MIT', 'APACHE_2', 'GPL_3', 'ALL_RIGHTS_RESERVED')) not null, \`format\` text null, \`document_version\` text null, \`url\` text not null, \`last_reviewed_on\` text null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`artefacts_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on delete cascade, constraint \`artefacts_owner_id_foreign\` foreign key (\`owner_id\`) references \`organisations\` (\`id\`));`);
    this.addSql(`create index \`artefacts_experiment_id_index\` on \`artefacts\` (\`experiment_id\`);`);
    this.addSql(`create index \`artefacts_owner_id_index\` on \`artefacts\` (\`owner_id\`);`);
    this.addSql(`create index \`artefacts_experiment_id_created_at_index\` on \`artefacts\` (\`experiment_id\`, \`created_at\`);`);

    this.addSql(`create table \`outcomes\` (\`id\` text not null primary key, \`experiment_id\` text not null, \`title\` text not null, \`verdict\` text check (\`verdict\` in ('WORKED', 'MIXED', 'NO_EFFECT', 'HARMFUL', 'INCONCLUSIVE', 'STOPPED_EARLY')) not null, \`measures\` json not null, \`evaluation_design\` text check (\`evaluation_design\` in ('RANDOMISED_TRIAL', 'QUASI_EXPERIMENTAL', 'BEFORE_AFTER', 'QUALITATIVE', 'CASE_STUDY')) not null, \`evidence_level\` integer not null, \`independent_evaluation\` integer not null default false, \`evaluated_by\` text null, \`cost_per_participant\` double null, \`annual_savings\` integer null, \`what_worked\` text null, \`what_did_not_work\` text null, \`conditions_for_success\` text null, \`reported_on\` text null, \`version\` integer not null default 1, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`outcomes_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`outcomes_experiment_id_index\` on \`outcomes\` (\`experiment_id\`);`);
    this.addSql(`create index \`outcomes_verdict_index\` on \`outcomes\` (\`verdict\`);`);
    this.addSql(`create index \`outcomes_experiment_id_created_at_index\` on \`outcomes\` (\`experiment_id\`, \`created_at\`);`);

    this.addSql(`create table \`service_areas\` (\`slug\` text not null primary key, \`name\` text not null, \`position\` integer not null);`);

    this.addSql(`create table \`experiment_service_areas\` (\`experiment_id\` text not null, \`service_area_slug\` text not null, primary key (\`experiment_id\`, \`service_area_slug\`), constraint \`experiment_service_areas_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on update cascade on delete cascade, constraint \`experiment_service_areas_service_area_slug_foreign\` foreign key (\`service_area_slug\`) references \`service_areas\` (\`slug\`) on update cascade on delete cascade);`);
    this.addSql(`create index \`experiment_service_areas_experiment_id_index\` on \`experiment_service_areas\` (\`experiment_id\`);`);
    this.addSql(`create index \`experiment_service_areas_service_area_slug_index\` on \`experiment_service_areas\` (\`service_area_slug\`);`);

    this.addSql(`create table \`stage_changes\` (\`id\` text not null primary key, \`experiment_id\` text not null, \`stage\` text check (\`stage\` in ('IDEA', 'DISCOVERY', 'PILOT', 'EVALUATING', 'SCALING', 'EMBEDDED', 'STOPPED')) not null, \`changed_on\` text not null, \`note\` text null, \`created_at\` datetime not null, constraint \`stage_changes_experiment_id_foreign\` foreign key (\`experiment_id\`) references \`experiments\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`stage_changes_experiment_id_index\` on \`stage_changes\` (\`experiment_id\`);`);
    this.addSql(`create index \`stage_changes_experiment_id_changed_on_index\` on \`stage_changes\` (\`experiment_id\`, \`changed_on\`);`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`organisations\`;`);
    this.addSql(`drop table if exists \`members\`;`);
    this.addSql(`drop table if exists \`experiments\`;`);
    this.addSql(`drop table if exists \`experiment_partners\`;`);
    this.addSql(`drop table if exists \`experiment_places\`;`);
    this.addSql(`drop table if exists \`artefacts\`;`);
    this.addSql(`drop table if exists \`outcomes\`;`);
    this.addSql(`drop table if exists \`service_areas\`;`);
    this.addSql(`drop table if exists \`experiment_service_areas\`;`);
    this.addSql(`drop table if exists \`stage_changes\`;`);
  }

}
