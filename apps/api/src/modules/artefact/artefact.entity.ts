import { Entity, Index, Enum, ManyToOne, OneToMany, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Collection, DateTimeType, type Ref } from '@mikro-orm/core';
import { ArtefactType, Licence } from '@synapse/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { ArtefactFile } from '../file/artefact-file.entity.js';

/** A reusable thing attached to an experiment: a typed, licensed, versioned link (stored files come later). */
@ObjectType({ description: 'A reusable document, tool or data set, with its licence.' })
@Entity({ tableName: 'artefacts' })
@Index({ properties: ['experiment', 'createdAt'] })
@Unique({ properties: ['experiment', 'externalId'] })
export class Artefact {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Experiment, { ref: true, deleteRule: 'cascade' })
  experiment!: Ref<Experiment>;

  @ManyToOne(() => Organisation, { ref: true })
  owner!: Ref<Organisation>;

  /** For an artefact carried into a fork: the original it refers to. */
  @ManyToOne(() => Artefact, { ref: true, nullable: true, deleteRule: 'set null' })
  sourceArtefact: Ref<Artefact> | null = null;

  @Field(() => ArtefactType)
  @Enum({ items: () => ArtefactType })
  type!: ArtefactType;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => Licence)
  @Enum({ items: () => Licence })
  licence!: Licence;

  @Field(() => String, { nullable: true, description: 'e.g. "PDF", "XLSX", "Git repository".' })
  @Property({ type: 'string', length: 60, nullable: true })
  format: string | null = null;

  @Field(() => String, { nullable: true, description: "The document's own version label, e.g. \"2.1\"." })
  @Property({ type: 'string', length: 40, nullable: true })
  documentVersion: string | null = null;

  @Field(() => String, { description: 'An http(s) link to the artefact.' })
  @Property({ type: 'string', length: 2000 })
  url!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'string', length: 10, nullable: true })
  lastReviewedOn: string | null = null;

  @Field(() => Int, { description: 'Increases on every saved change; send it back with updates.' })
  @Property({ type: 'integer', version: true })
  version: number = 1;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** Import key, unique within the experiment: re-importing a record updates this artefact in place (docs/import-format.md). */
  @Property({ type: 'string', length: 120, nullable: true })
  externalId: string | null = null;

  // Uploaded files and link checks (modules/file).

  /** Uploaded versions (GraphQL: `files`, batched by a dataloader). */
  @OneToMany(() => ArtefactFile, (file) => file.artefact)
  fileVersions = new Collection<ArtefactFile>(this);

  /** The latest clean version's extracted words, for search. */
  @Property({ type: 'text', nullable: true, lazy: true })
  documentText: string | null = null;

  /** OK or BROKEN once checked (external links only); null when never checked or when the artefact is a file. */
  @Property({ type: 'string', length: 10, nullable: true })
  linkStatus: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  linkCheckedAt: Date | null = null;

  @Property({ type: DateTimeType, nullable: true })
  linkLastWorkedAt: Date | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  linkProblem: string | null = null;

  @Property({ type: 'integer', default: 0 })
  linkFailures: number = 0;
}
