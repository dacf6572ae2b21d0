import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DownloadOptions, FileStore, UploadTarget } from './file-store.js';

const SAFE_KEY = /^[A-Za-z0-9-]{1,64}$/;

function key(value: string): string {
  if (!SAFE_KEY.test(value)) throw new Error(`Unsafe storage key ${JSON.stringify(value)}`);
  return value;
}

/**
 * Files in DATA_DIR/files. The API takes the upload PUT itself (file.routes.ts, checking the upload's secret
 * token in the database, so any process can take it) and streams downloads with `send` (range requests).
 */
export class LocalFileStore implements FileStore {
  readonly kind = 'local' as const;
  readonly root: string;

  constructor(
    dataDir: string,
    private readonly publicUrl: string,
  ) {
    this.root = join(dataDir, 'files');
  }

  uploadPath(uploadId: string): string {
    return join(this.root, 'uploads', key(uploadId));
  }

  blobPath(sha256: string): string {
    return join(this.root, 'blobs', key(sha256));
  }

  async ensureFolders(): Promise<void> {
    await mkdir(join(this.root, 'uploads'), { recursive: true });
    await mkdir(join(this.root, 'blobs'), { recursive: true });
    await mkdir(join(this.root, 'incoming'), { recursive: true });
  }

  /** Where an upload is written before it is complete (renamed into uploads/ when all bytes arrived). */
  incomingPath(uploadId: string): string {
    return join(this.root, 'incoming', key(uploadId));
  }

  async uploadTarget(upload: { id: string; declaredType: string }, token: string): Promise<UploadTarget> {
    return { url: `${this.publicUrl}/files/uploads/${upload.id}?token=${token}`, headers: { 'Content-Type': upload.declaredType } };
  }

  async readUpload(uploadId: string, maxBytes: number): Promise<Buffer | null> {
    const path = this.uploadPath(uploadId);
    const info = await stat(path).catch(() => null);
    if (!info || info.size > maxBytes) return null;
    return readFile(path);
  }

  async deleteUpload(uploadId: string): Promise<void> {
    await rm(this.uploadPath(uploadId), { force: true });
    await rm(this.incomingPath(uploadId), { force: true });
  }

  async promote(uploadId: string, sha256: string): Promise<void> {
    await this.ensureFolders();
    const target = this.blobPath(sha256);
    if (await stat(target).catch(() => null)) return this.deleteUpload(uploadId);
    // Copy then rename: the blob appears whole or not at all.
    const partial = `${target}.${uploadId}.partial`;
    await copyFile(this.uploadPath(uploadId), partial);
    await rename(partial, target);
    await this.deleteUpload(uploadId);
  }

  readBlob(sha256: string): Promise<Buffer> {
    return readFile(this.blobPath(sha256));
  }

  async deleteBlob(sha256: string): Promise<void> {
    await rm(this.blobPath(sha256), { force: true });
  }

  async *list(prefix: 'uploads' | 'blobs'): AsyncIterable<{ name: string; modifiedAt: Date }> {
    const folder = join(this.root, prefix);
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      const info = await stat(join(folder, name)).catch(() => null);
      if (info) yield { name, modifiedAt: info.mtime };
    }
  }

  async downloadUrl(_sha256: string, _options: DownloadOptions): Promise<string | null> {
    return null;
  }

  openBlob(sha256: string): NodeJS.ReadableStream {
    return createReadStream(this.blobPath(sha256));
  }
}
