import { DateTimeType, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../db/ids.js';
import { Artefact } from '../artefact/artefact.entity.js';

export enum ScanStatus {
  /** Waiting for the virus scanner: not downloadable, not indexed. */
  PENDING = 'PENDING',
  CLEAN = 'CLEAN',
  /** No scanner is configured (docs/operations.md). */
  NOT_SCANNED = 'NOT_SCANNED',
  INFECTED = 'INFECTED',
}
registerEnumType(ScanStatus, { name: 'ScanStatus', description: 'PENDING files are held in quarantine until the scanner says they are clean.' });

export enum TextStatus {
  PENDING = 'PENDING',
  EXTRACTED = 'EXTRACTED',
  /** A format with no text to extract (images, ZIP). */
  NONE = 'NONE',
  /** Extraction failed or timed out: the file is still downloadable, its words are not searchable. */
  FAILED = 'FAILED',
}
registerEnumType(TextStatus, { name: 'TextStatus', description: 'Whether the words inside the file are searchable.' });

/** One version of an uploaded artefact file. Bytes live in storage under `blobs/<sha256>`. */
@ObjectType({ description: 'One uploaded version of an artefact file.' })
@Entity({ tableName: 'artefact_files' })
@Unique({ properties: ['artefact', 'number'] })
@Index({ properties: ['sha256'] })
export class ArtefactFile {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Artefact, { ref: true, deleteRule: 'cascade' })
  artefact!: Ref<Artefact>;

  @Field(() => Int, { description: 'Version number, from 1.' })
  @Property({ type: 'integer' })
  number!: number;

  @Field(() => String, { description: 'SHA-256 of the content, in hex.' })
  @Property({ type: 'string', length: 64 })
  sha256!: string;

  @Field(() => Int)
  @Property({ type: 'bigint', runtimeType: 'number' })
  byteSize!: number;

  @Field(() => String, { description: 'The type checked from the content, e.g. application/pdf.' })
  @Property({ type: 'string', length: 120 })
  contentType!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  fileName!: string;

  @Field(() => ScanStatus)
  @Enum({ items: () => ScanStatus })
  scanStatus!: ScanStatus;

  @Field(() => TextStatus)
  @Enum({ items: () => TextStatus })
  textStatus: TextStatus = TextStatus.PENDING;

  @Property({ type: 'text', nullable: true, lazy: true })
  text: string | null = null;

  @Property({ type: 'integer' })
  downloads: number = 0;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
