import type { AppConfig } from '../../config.js';
import type { EntityManager } from '../../db/orm.js';
import { enqueueJob } from '../job/job-queue.js';
import type { JobHandler, JobSchedule } from '../job/job.types.js';
import { ArtefactFile, ScanStatus, TextStatus } from './artefact-file.entity.js';
import { scanWithClamd } from './clamd.js';
import { notifyTeam } from './file-notify.js';
import { fileStoreFor } from './file-store.js';
import { FileUpload } from './file-upload.entity.js';
import { LINK_CHECK_HANDLER, LINK_CHECK_SCHEDULE } from './link-check.jobs.js';
import { extractText, hasExtractor } from './text-extract.js';
import { EXTRACT_TEXT, SCAN_FILE } from './upload.service.js';

export const CLEAN_FILES = 'file.clean-orphans';

/** Scans a quarantined file; clean ones go on to text extraction, infected ones are removed and the team told. */
export async function scanFile(em: EntityManager, config: AppConfig, fileId: string): Promise<void> {
  const file = await em.findOne(ArtefactFile, { id: fileId }, { populate: ['artefact'] });
  if (!file || file.scanStatus !== ScanStatus.PENDING || !config.files.clamdAddress) return;
  const verdict = await scanWithClamd(config.files.clamdAddress, await fileStoreFor(config).readBlob(file.sha256));
  const artefact = file.artefact.getEntity();
  if (verdict.clean) {
    file.scanStatus = ScanStatus.CLEAN;
    await enqueueJob(em, EXTRACT_TEXT, { fileId: file.id }, { key: file.id });
  } else {
    file.scanStatus = ScanStatus.INFECTED;
    const message = `The virus scanner rejected “${file.fileName}” (version ${file.number} of “${artefact.title}”, ${verdict.signature}). It was removed; upload a clean copy.`;
    await notifyTeam(em, artefact.experiment.id, `file-infected:${file.id}`, message);
  }
  await em.flush();
  if (!verdict.clean && (await em.count(ArtefactFile, { sha256: file.sha256, scanStatus: { $ne: ScanStatus.INFECTED } })) === 0) {
    await fileStoreFor(config).deleteBlob(file.sha256);
  }
}

/** Extracts a downloadable file's words for search; a failure or timeout is recorded, the file stays downloadable. */
export async function extractFileText(em: EntityManager, config: AppConfig, fileId: string, log: (message: string) => void = () => undefined): Promise<void> {
  const file = await em.findOne(ArtefactFile, { id: fileId }, { populate: ['artefact', 'text'] });
  if (!file || file.textStatus !== TextStatus.PENDING) return;
  if (file.scanStatus === ScanStatus.PENDING || file.scanStatus === ScanStatus.INFECTED) return;
  if (!hasExtractor(file.contentType)) {
    file.textStatus = TextStatus.NONE;
  } else {
    try {
      file.text = await extractText(file.contentType, await fileStoreFor(config).readBlob(file.sha256));
      file.textStatus = TextStatus.EXTRACTED;
    } catch (error) {
      log(`Text extraction failed for file ${file.id}: ${(error as Error).message}`);
      file.textStatus = TextStatus.FAILED;
    }
  }
  const latest = await em.findOne(ArtefactFile, { artefact: file.artefact.id }, { orderBy: { number: 'desc' }, fields: ['id'] });
  // The artefact's search text is its latest version's (its change enqueues the experiment's search sync).
  if (latest?.id === file.id) file.artefact.getEntity().documentText = file.text || null;
  await em.flush();
}

/**
 * Removes what no row refers to: upload bytes whose address has expired (used ones were moved already) and
 * blobs that no file version names (a transaction that failed after the move), after a grace period.
 */
export async function cleanOrphanFiles(em: EntityManager, config: AppConfig, now: Date): Promise<number> {
  const store = fileStoreFor(config);
  const graceMs = 60 * 60_000;
  let removed = 0;
  for await (const { name, modifiedAt } of store.list('uploads')) {
    if (now.getTime() - modifiedAt.getTime() < graceMs) continue;
    const upload = await em.findOne(FileUpload, { id: name });
    if (!upload || upload.usedAt || upload.expiresAt.getTime() < now.getTime()) {
      await store.deleteUpload(name);
      removed++;
    }
  }
  for await (const { name, modifiedAt } of store.list('blobs')) {
    if (now.getTime() - modifiedAt.getTime() < graceMs || name.endsWith('.partial')) continue;
    if ((await em.count(ArtefactFile, { sha256: name, scanStatus: { $ne: ScanStatus.INFECTED } })) === 0) {
      await store.deleteBlob(name);
      removed++;
    }
  }
  await em.nativeDelete(FileUpload, { expiresAt: { $lt: new Date(now.getTime() - 7 * 24 * 60 * 60_000) } });
  return removed;
}

const fileId = (payload: Record<string, unknown>) => String(payload.fileId);

export const FILE_JOB_HANDLERS: JobHandler[] = [
  { type: SCAN_FILE, maxAttempts: 20, leaseMs: 5 * 60_000, run: (payload, { em, config }) => scanFile(em, config, fileId(payload)) },
  { type: EXTRACT_TEXT, maxAttempts: 3, leaseMs: 5 * 60_000, run: (payload, { em, config, log }) => extractFileText(em, config, fileId(payload), log) },
  { type: CLEAN_FILES, maxAttempts: 3, leaseMs: 10 * 60_000, run: async (_payload, { em, config, now }) => void (await cleanOrphanFiles(em, config, now())) },
  LINK_CHECK_HANDLER,
];

export const FILE_JOB_SCHEDULES: JobSchedule[] = [{ type: CLEAN_FILES, everyMs: 60 * 60_000 }, LINK_CHECK_SCHEDULE];
