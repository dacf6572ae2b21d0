import {
  Entity,
  Enum,
  Index,
  ManyToMany,
  ManyToOne,
  OneToMany,
  OneToOne,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { DateTimeType, Collection, type Ref } from '@mikro-orm/core';
import { BudgetBand, ExperimentStatus, Licence, Stage } from '@synapse/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { newId } from '../../db/ids.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Outcome } from '../outcome/outcome.entity.js';
import { ServiceArea } from '../service-area/service-area.entity.js';
import { MeasureRegistration } from '../freshness/measure-registration.entity.js';
import { ExperimentPartner } from './experiment-partner.entity.js';
import { ExperimentTeamMember } from './experiment-team-member.entity.js';
import { StageChange } from './stage-change.entity.js';

/** A pilot or new service model, from idea to outcome. Relations are resolved in ExperimentResolver. */
@ObjectType({ description: 'A pilot or new service model a council ran, with what happened.' })
@Entity({ tableName: 'experiments' })
@Unique({ properties: ['leadOrganisation', 'externalId'] })
@Index({ properties: ['status', 'publishedAt'] })
@Index({ properties: ['leadOrganisation', 'status'] })
export class Experiment {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Field(() => String)
  @Unique()
  @Property({ type: 'string', length: 140 })
  slug!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  summary!: string;

  @Field(() => String, { description: 'The problem, and who it affects.' })
  @Property({ type: 'text' })
  problem: string = '';

  @Field(() => String, { nullable: true, description: 'Who the experiment serves.' })
  @Property({ type: 'text', nullable: true })
  whoItServes: string | null = null;

  @Field(() => String, { description: 'What is new about it.' })
  @Property({ type: 'text' })
  whatIsNew: string = '';

  @Field(() => String)
  @Property({ type: 'text' })
  approach: string = '';

  @Field(() => [String], { description: 'Free themes, e.g. "co-production", "prevention".' })
  @Property({ type: 'json' })
  themes: string[] = [];

  @Field(() => Stage)
  @Enum({ items: () => Stage })
  stage: Stage = Stage.IDEA;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'string', length: 10, nullable: true })
  startDate: string | null = null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'string', length: 10, nullable: true })
  endDate: string | null = null;

  @Field(() => BudgetBand, { nullable: true })
  @Enum({ items: () => BudgetBand, nullable: true })
  budgetBand: BudgetBand | null = null;

  @Field(() => Int, { nullable: true, description: 'Actual cost in pounds sterling.' })
  @Property({ type: 'integer', nullable: true })
  actualCost: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  fundingSource: string | null = null;

  @ManyToOne(() => Organisation, { ref: true })
  leadOrganisation!: Ref<Organisation>;

  @ManyToMany(() => ServiceArea, undefined, { pivotTable: 'experiment_service_areas', owner: true })
  serviceAreas = new Collection<ServiceArea>(this);

  @ManyToMany(() => Organisation, undefined, { pivotTable: 'experiment_places', owner: true })
  places = new Collection<Organisation>(this);

  @OneToMany(() => ExperimentPartner, (child) => child.experiment, { orphanRemoval: true })
  partners = new Collection<ExperimentPartner>(this);

  @OneToMany(() => StageChange, (child) => child.experiment, { orphanRemoval: true })
  stageHistory = new Collection<StageChange>(this);

  @OneToMany(() => Outcome, (child) => child.experiment, { orphanRemoval: true })
  outcomes = new Collection<Outcome>(this);

  @OneToMany(() => Artefact, (child) => child.experiment, { orphanRemoval: true })
  artefacts = new Collection<Artefact>(this);

  /** Named co-editors from outside the lead organisation. */
  @OneToMany(() => ExperimentTeamMember, (member) => member.experiment, { orphanRemoval: true })
  teamMembers = new Collection<ExperimentTeamMember>(this);

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  contactName: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  contactRole: string | null = null;

  @Field(() => String, { nullable: true, description: 'A team mailbox for questions about the experiment.' })
  @Property({ type: 'string', length: 320, nullable: true })
  contactEmail: string | null = null;

  @Field(() => Licence, { description: 'Licence of the write-up text (OGL v3.0 by default).' })
  @Enum({ items: () => Licence })
  licence: Licence = Licence.OGL_3;

  @Field(() => ExperimentStatus)
  @Enum({ items: () => ExperimentStatus })
  status: ExperimentStatus = ExperimentStatus.DRAFT;

  @Field(() => Int, { description: 'Increases on every saved change; send it back with updates.' })
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @ManyToOne(() => Experiment, { ref: true, nullable: true })
  forkParent: Ref<Experiment> | null = null;

  /** Direct adaptations of this experiment, in any status. */
  @OneToMany(() => Experiment, (child) => child.forkParent)
  forks = new Collection<Experiment>(this);

  /** The root of this experiment's fork family (its own id for an original). Lets a family load in one query. */
  @Index()
  @Property({ type: 'string', length: 36, nullable: true })
  familyId: string | null = null;

  @Field(() => String, { nullable: true, description: 'For a fork: what is different here, and why.' })
  @Property({ type: 'text', nullable: true })
  adaptationNotes: string | null = null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'string', length: 10, nullable: true })
  lastReviewedOn: string | null = null;

  /** When its content last changed substantively (see freshness/substantive-change.ts); null: since publication. */
  @Property({ type: DateTimeType, nullable: true })
  contentChangedAt: Date | null = null;

  /** Measures registered before results (freshness module); null when none were registered. */
  @OneToOne(() => MeasureRegistration, (registration) => registration.experiment, { nullable: true, ref: true })
  registration: Ref<MeasureRegistration> | null = null;

  /** Import key: unique per lead organisation, so re-running an import updates rather than duplicates. */
  @Property({ type: 'string', length: 120, nullable: true })
  externalId: string | null = null;

  @ManyToOne(() => Member, { ref: true, nullable: true })
  createdBy: Ref<Member> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: DateTimeType, nullable: true })
  publishedAt: Date | null = null;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
