import { DateTimeType, type Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from '../../db/ids.js';
import { Member } from '../member/member.entity.js';

/**
 * A signed upload address handed out by `createUpload`. The bytes go to storage under `uploads/<id>`; the upload
 * is used (once) by addArtefact/updateArtefact, which checks and moves them to content-addressed storage.
 */
@Entity({ tableName: 'file_uploads' })
@Index({ properties: ['expiresAt'] })
export class FileUpload {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  /** The sanitised display name. */
  @Property({ type: 'string', length: 200 })
  fileName!: string;

  @Property({ type: 'string', length: 120 })
  declaredType!: string;

  @Property({ type: 'bigint', runtimeType: 'number' })
  byteSize!: number;

  /** SHA-256 of the secret in a local upload address (S3 addresses are signed by the SDK instead). */
  @Property({ type: 'string', length: 64 })
  tokenHash!: string;

  @Property({ type: DateTimeType })
  expiresAt!: Date;

  @Property({ type: DateTimeType, nullable: true })
  usedAt: Date | null = null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();
}
