import type { Response } from 'express';
import { Zip, ZipPassThrough } from 'fflate';
import { ExperimentStatus } from '@synapse/domain';
import type { AppConfig } from '../../config.js';
import type { EntityManager } from '../../db/orm.js';
import { ArtefactFile, ScanStatus } from './artefact-file.entity.js';
import { attachmentDisposition, fileStoreFor } from './file-store.js';

/**
 * Streams every downloadable file version of an organisation's published experiments as one ZIP
 * (`<experiment slug>/v<n>-<file name>`), one file in memory at a time. Stored, not recompressed: most
 * documents are compressed already.
 */
export async function streamOrganisationArchive(em: EntityManager, config: AppConfig, organisation: { id: string; slug: string }, response: Response): Promise<void> {
  const files = await em.find(
    ArtefactFile,
    {
      scanStatus: { $in: [ScanStatus.CLEAN, ScanStatus.NOT_SCANNED] },
      artefact: { experiment: { leadOrganisation: organisation.id, status: ExperimentStatus.PUBLISHED } },
    },
    { populate: ['artefact.experiment'], orderBy: { artefact: { experiment: { slug: 'asc' } }, number: 'asc', id: 'asc' } },
  );
  response.set({ 'Content-Type': 'application/zip', 'Content-Disposition': attachmentDisposition(`${organisation.slug}-files.zip`), 'X-Content-Type-Options': 'nosniff' });
  const zip = new Zip((error, chunk, final) => {
    if (error) return void response.destroy(error);
    response.write(chunk);
    if (final) response.end();
  });
  const store = fileStoreFor(config);
  const used = new Set<string>();
  for (const file of files) {
    const slug = file.artefact.getEntity().experiment.getEntity().slug;
    let name = `${slug}/v${file.number}-${file.fileName}`;
    for (let n = 2; used.has(name); n++) name = `${slug}/v${file.number}-${n}-${file.fileName}`;
    used.add(name);
    const entry = new ZipPassThrough(name);
    entry.mtime = file.createdAt;
    zip.add(entry);
    entry.push(await store.readBlob(file.sha256), true);
  }
  zip.end();
}
