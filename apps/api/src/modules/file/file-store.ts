import type { AppConfig } from '../../config.js';
import type { S3Config } from './file.config.js';
import { LocalFileStore } from './local-file-store.js';

export interface UploadTarget {
  url: string;
  /** Headers the client must send with its PUT. */
  headers: Record<string, string>;
}

export interface DownloadOptions {
  fileName: string;
  contentType: string;
  expiresInSeconds: number;
}

/**
 * Where file bytes live. Uploads land under `uploads/<upload id>` (written by the client's PUT to a signed
 * address); once checked they are moved to `blobs/<sha256>`, so identical content is stored once.
 */
export interface FileStore {
  readonly kind: 'local' | 's3';
  uploadTarget(upload: { id: string; declaredType: string; byteSize: number; expiresAt: Date }, token: string): Promise<UploadTarget>;
  /** The uploaded bytes, or null when nothing (or more than `maxBytes`) was uploaded. */
  readUpload(uploadId: string, maxBytes: number): Promise<Buffer | null>;
  deleteUpload(uploadId: string): Promise<void>;
  /** Moves an upload to its content address (a no-op copy when those bytes are already stored). */
  promote(uploadId: string, sha256: string, contentType: string): Promise<void>;
  readBlob(sha256: string): Promise<Buffer>;
  deleteBlob(sha256: string): Promise<void>;
  /** Every stored key with its age, for the orphan clean-up. */
  list(prefix: 'uploads' | 'blobs'): AsyncIterable<{ name: string; modifiedAt: Date }>;
  /** A signed, expiring GET address (S3), or null when the API serves the bytes itself (local folder). */
  downloadUrl(sha256: string, options: DownloadOptions): Promise<string | null>;
}

/**
 * The S3 store with its SDK loaded on first use: the AWS SDK takes about 30 MB of a process's memory (measured:
 * 42 → 75 MiB RSS for a bare Node process), and an API keeping files in its data folder never needs it.
 */
class LazyS3FileStore implements FileStore {
  readonly kind = 's3' as const;
  #store: Promise<FileStore> | null = null;

  constructor(private readonly config: S3Config) {}

  private store(): Promise<FileStore> {
    this.#store ??= import('./s3-file-store.js').then(
      ({ S3FileStore }) => new S3FileStore(this.config),
      (error: unknown) => {
        this.#store = null;
        throw error;
      },
    );
    return this.#store;
  }

  async uploadTarget(upload: { id: string; declaredType: string; byteSize: number; expiresAt: Date }, token: string): Promise<UploadTarget> {
    return (await this.store()).uploadTarget(upload, token);
  }

  async readUpload(uploadId: string, maxBytes: number): Promise<Buffer | null> {
    return (await this.store()).readUpload(uploadId, maxBytes);
  }

  async deleteUpload(uploadId: string): Promise<void> {
    return (await this.store()).deleteUpload(uploadId);
  }

  async promote(uploadId: string, sha256: string, contentType: string): Promise<void> {
    return (await this.store()).promote(uploadId, sha256, contentType);
  }

  async readBlob(sha256: string): Promise<Buffer> {
    return (await this.store()).readBlob(sha256);
  }

  async deleteBlob(sha256: string): Promise<void> {
    return (await this.store()).deleteBlob(sha256);
  }

  async *list(prefix: 'uploads' | 'blobs'): AsyncIterable<{ name: string; modifiedAt: Date }> {
    yield* (await this.store()).list(prefix);
  }

  async downloadUrl(sha256: string, options: DownloadOptions): Promise<string | null> {
    return (await this.store()).downloadUrl(sha256, options);
  }
}

const stores = new WeakMap<AppConfig['files'], FileStore>();

/** The configured store (one per files configuration: the S3 client keeps its connections). */
export function fileStoreFor(config: AppConfig): FileStore {
  let store = stores.get(config.files);
  if (!store) {
    store = config.files.s3 ? new LazyS3FileStore(config.files.s3) : new LocalFileStore(config.dataDir, config.publicUrl);
    stores.set(config.files, store);
  }
  return store;
}

// In its own module so the S3 store, which this module creates, can use it without importing this module back.
export { attachmentDisposition } from './attachment-disposition.js';
