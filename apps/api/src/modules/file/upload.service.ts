import { createHash, randomBytes } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import type { AppConfig } from '../../config.js';
import type { EntityManager } from '../../db/orm.js';
import { BadInputError, ForbiddenError, UnauthenticatedError } from '../../errors.js';
import { enqueueJob } from '../job/job-queue.js';
import { ExperimentTeamMember } from '../experiment/experiment-team-member.entity.js';
import { experimentPolicy } from '../experiment/experiment.policy.js';
import type { Member } from '../member/member.entity.js';
import type { Artefact } from '../artefact/artefact.entity.js';
import { ArtefactFile, ScanStatus } from './artefact-file.entity.js';
import { ALLOWED_TYPES, checkFileType, sanitiseFileName, UploadRefusal } from './file-check.js';
import { fileStoreFor } from './file-store.js';
import { FileUpload } from './file-upload.entity.js';
import type { CreateUploadInput } from './file.inputs.js';

export const SCAN_FILE = 'file.scan';
export const EXTRACT_TEXT = 'file.extract-text';

/** A refused upload: BAD_USER_INPUT with the field and a stable `reasonCode` (UploadRefusal). */
export class UploadRefused extends BadInputError {
  constructor(field: string, reasonCode: UploadRefusal, reason: string) {
    super([{ field, reason }]);
    this.details.reasonCode = reasonCode;
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** An upload by the id in its address (null for an id no upload could have). */
export async function findUpload(em: EntityManager, id: string): Promise<FileUpload | null> {
  return /^[A-Za-z0-9-]{1,64}$/.test(id) ? em.findOne(FileUpload, { id }) : null;
}

export interface CreatedUpload {
  id: string;
  url: string;
  expiresAt: Date;
  headers: { name: string; value: string }[];
}

/** Hands out a signed upload address, to people who may add an artefact somewhere. */
export function createUpload(em: EntityManager, config: AppConfig, viewer: Member | null, input: CreateUploadInput): Promise<CreatedUpload> {
  return em.transactional((tem) => createUploadInTransaction(tem, config, viewer, input));
}

async function createUploadInTransaction(em: EntityManager, config: AppConfig, viewer: Member | null, input: CreateUploadInput): Promise<CreatedUpload> {
  if (!viewer) throw new UnauthenticatedError('Sign in to upload files');
  // Who may add an artefact somewhere: editors and admins of an organisation, and named co-editors.
  const coEditor = (await em.count(ExperimentTeamMember, { member: viewer.id })) > 0;
  if (!experimentPolicy.create(viewer) && !coEditor) throw new ForbiddenError('upload files');
  if (input.byteSize > config.files.maxBytes) {
    throw new UploadRefused('input.byteSize', UploadRefusal.TOO_LARGE, `must be at most ${config.files.maxBytes} bytes`);
  }
  if (!(input.contentType in ALLOWED_TYPES)) {
    throw new UploadRefused('input.contentType', UploadRefusal.TYPE_NOT_ALLOWED, 'must be a PDF, Office or OpenDocument file, CSV, text, image or ZIP');
  }
  const token = randomBytes(24).toString('base64url');
  const upload = Object.assign(new FileUpload(), {
    member: ref(viewer),
    fileName: sanitiseFileName(input.fileName),
    declaredType: input.contentType,
    byteSize: input.byteSize,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + config.files.uploadMinutes * 60_000),
  });
  await em.persist(upload).flush();
  const target = await fileStoreFor(config).uploadTarget(upload, token);
  return { id: upload.id, url: target.url, expiresAt: upload.expiresAt, headers: Object.entries(target.headers).map(([name, value]) => ({ name, value })) };
}

async function loadUsableUpload(em: EntityManager, viewer: Member | null, uploadId: string, field: string): Promise<FileUpload> {
  const upload = await em.findOne(FileUpload, { id: uploadId });
  if (!upload || upload.member.id !== viewer?.id) throw new UploadRefused(field, UploadRefusal.NOT_FOUND, 'is not an upload of yours');
  if (upload.usedAt) throw new UploadRefused(field, UploadRefusal.USED, 'has already been used; upload the file again');
  if (upload.expiresAt.getTime() < Date.now()) throw new UploadRefused(field, UploadRefusal.EXPIRED, 'has expired; upload the file again');
  return upload;
}

/**
 * Turns an upload into the artefact's next file version, inside the caller's transaction: checks size, hash
 * and type from the bytes, moves them to content-addressed storage and enqueues the scan (or text extraction).
 * A refusal throws before anything is written; the upload's bytes are removed by the orphan clean-up.
 */
export async function attachUpload(em: EntityManager, config: AppConfig, viewer: Member | null, artefact: Artefact, uploadId: string, field: string): Promise<ArtefactFile> {
  const upload = await loadUsableUpload(em, viewer, uploadId, field);
  const store = fileStoreFor(config);
  const bytes = await store.readUpload(upload.id, upload.byteSize);
  if (!bytes || bytes.length !== upload.byteSize) {
    throw new UploadRefused(field, UploadRefusal.INCOMPLETE, `has ${bytes?.length ?? 'no'} bytes of the ${upload.byteSize} announced; upload the file again`);
  }
  if (bytes.length === 0) throw new UploadRefused(field, UploadRefusal.EMPTY, 'is an empty file');
  const type = await checkFileType(bytes, upload.fileName, upload.declaredType);
  if (!type.ok) {
    const what = type.detected ? `is a ${type.detected} file` : 'is not a recognised file type';
    throw new UploadRefused(field, UploadRefusal.TYPE_NOT_ALLOWED, `${what}; accepted are PDF, Office and OpenDocument files, CSV, text, images and ZIP`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const previous = await em.count(ArtefactFile, { artefact: artefact.id });
  const scanned = !!config.files.clamdAddress;
  const file = Object.assign(new ArtefactFile(), {
    artefact: ref(artefact),
    number: previous + 1,
    sha256,
    byteSize: bytes.length,
    contentType: type.contentType,
    fileName: upload.fileName,
    scanStatus: scanned ? ScanStatus.PENDING : ScanStatus.NOT_SCANNED,
  });
  upload.usedAt = new Date();
  artefact.format = type.format;
  artefact.url = `${config.publicUrl}/files/artefacts/${artefact.id}`;
  Object.assign(artefact, { linkStatus: null, linkProblem: null, linkFailures: 0 });
  em.persist(file);
  await enqueueJob(em, scanned ? SCAN_FILE : EXTRACT_TEXT, { fileId: file.id }, { key: file.id });
  await store.promote(upload.id, sha256, type.contentType);
  return file;
}
