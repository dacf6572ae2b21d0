import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { MikroORM } from '@mikro-orm/core';
import { type Request, type Response, Router } from 'express';
import send from 'send';
import type { AppConfig } from '../../config.js';
import { unitOfWork } from '../../db/unit-of-work.js';
import { authenticate } from '../../http/authenticate.js';
import { findOrganisation } from '../organisation/organisation.service.js';
import { streamOrganisationArchive } from './file-archive.js';
import { decideDownload } from './file-download.service.js';
import { attachmentDisposition, fileStoreFor } from './file-store.js';
import { LocalFileStore } from './local-file-store.js';
import { findUpload, hashToken } from './upload.service.js';

const DOWNLOAD_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Cache-Control': 'private, no-store',
};

function plain(response: Response, status: number, message: string): void {
  response.status(status).set(DOWNLOAD_HEADERS).type('text/plain; charset=utf-8').send(message);
}

/** Caps a stream at `limit` bytes: more is an error (the client sent more than it announced). */
function capped(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      callback(seen > limit ? Object.assign(new Error('too large'), { status: 413 }) : null, chunk);
    },
  });
}

/** PUT /files/uploads/:id?token= — the local folder's signed upload address (S3 addresses go to the bucket). */
async function receiveUpload(orm: MikroORM, store: LocalFileStore, request: Request, response: Response): Promise<void> {
  const token = typeof request.query.token === 'string' ? request.query.token : '';
  const upload = await findUpload(unitOfWork(orm), String(request.params.id));
  if (!upload || !token || hashToken(token) !== upload.tokenHash) return plain(response, 403, 'This upload address is not valid.');
  if (upload.usedAt || upload.expiresAt.getTime() < Date.now()) return plain(response, 410, 'This upload address has expired or was used.');
  const announced = Number(request.header('content-length'));
  if (Number.isFinite(announced) && announced > upload.byteSize) return plain(response, 413, `This upload is limited to ${upload.byteSize} bytes.`);
  await store.ensureFolders();
  const incoming = store.incomingPath(upload.id);
  try {
    await pipeline(request, capped(upload.byteSize), createWriteStream(incoming));
  } catch (error) {
    await rm(incoming, { force: true });
    const status = (error as { status?: number }).status === 413 ? 413 : 400;
    return plain(response, status, status === 413 ? `This upload is limited to ${upload.byteSize} bytes.` : 'The upload was interrupted.');
  }
  await rename(incoming, store.uploadPath(upload.id));
  response.status(200).set('Access-Control-Allow-Origin', '*').end();
}

/** GET /files/artefacts/:id[/versions/:n] — counts, then streams (local) or redirects to a signed URL (S3). */
async function serveDownload(orm: MikroORM, config: AppConfig, request: Request, response: Response): Promise<void> {
  const em = unitOfWork(orm);
  const principal = request.principal;
  const memberId = principal?.kind === 'session' ? principal.memberId : null;
  const number = request.params.number ? Number(request.params.number) : null;
  if (number !== null && !(Number.isInteger(number) && number > 0 && number < 100_000)) return plain(response, 404, 'There is no such file.');
  const decision = await decideDownload(em, memberId, String(request.params.id), number);
  if (!decision.ok) return plain(response, decision.status, decision.message);
  const { file } = decision;
  const store = fileStoreFor(config);
  const options = { fileName: file.fileName, contentType: file.contentType, expiresInSeconds: config.files.downloadSeconds };
  const signed = await store.downloadUrl(file.sha256, options);
  if (signed) {
    response.set(DOWNLOAD_HEADERS).redirect(302, signed);
    return;
  }
  const local = store as LocalFileStore;
  response.set({ ...DOWNLOAD_HEADERS, 'Content-Type': file.contentType, 'Content-Disposition': attachmentDisposition(file.fileName) });
  // `send` answers Range, If-Range and conditional requests from a path we built (blobs/<sha256>).
  await new Promise<void>((resolve, reject) => {
    send(request, local.blobPath(file.sha256), { acceptRanges: true, cacheControl: false, etag: true, lastModified: false, index: false, dotfiles: 'deny' })
      .on('error', (error: { status?: number }) => (error.status === 404 ? (plain(response, 404, 'There is no such file.'), resolve()) : reject(error)))
      .on('end', resolve)
      .pipe(response);
  });
}

/** The file routes: downloads always; the upload PUT only with the local folder. */
export function fileRoutes({ orm, config }: { orm: MikroORM; config: AppConfig }): Router {
  const router = Router();
  const store = fileStoreFor(config);
  if (store instanceof LocalFileStore) {
    router.put('/files/uploads/:id', (request, response, next) => void receiveUpload(orm, store, request, response).catch(next));
  }
  const download = (request: Request, response: Response, next: (error: unknown) => void) => void serveDownload(orm, config, request, response).catch(next);
  router.get('/files/artefacts/:id', authenticate(orm), download);
  router.get('/files/artefacts/:id/versions/:number', authenticate(orm), download);
  // Everything an organisation has published as files, in one archive (its JSON export names them by URL and hash).
  router.get('/export/organisations/:slug/files.zip', async (request, response, next) => {
    try {
      const em = unitOfWork(orm);
      const organisation = await findOrganisation(em, { slug: String(request.params.slug) });
      if (!organisation) return next();
      await streamOrganisationArchive(em, config, organisation, response);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
