import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { S3Config } from './file.config.js';
import { attachmentDisposition } from './attachment-disposition.js';
import type { DownloadOptions, FileStore, UploadTarget } from './file-store.js';

function missing(error: unknown): boolean {
  const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === 'NoSuchKey' || name === 'NotFound' || $metadata?.httpStatusCode === 404;
}

/**
 * Any S3-compatible object store (AWS S3, Cloudflare R2, MinIO…). Browsers PUT and GET through presigned
 * addresses, so file bytes do not pass through the API, except once when an upload is checked (its type,
 * size and hash are read from the content) and when the scanner and text extraction read it.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3' as const;
  readonly client: S3Client;

  constructor(private readonly config: S3Config) {
    this.client = new S3Client({
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.accessKeyId && config.secretAccessKey ? { credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } } : {}),
      // Presigned PUTs from browsers cannot send SDK-computed checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private get bucket(): string {
    return this.config.bucket;
  }

  async uploadTarget(upload: { id: string; declaredType: string; byteSize: number; expiresAt: Date }): Promise<UploadTarget> {
    const expiresIn = Math.max(1, Math.floor((upload.expiresAt.getTime() - Date.now()) / 1000));
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: `uploads/${upload.id}`, ContentType: upload.declaredType, ContentLength: upload.byteSize });
    const url = await getSignedUrl(this.client, command, { expiresIn });
    return { url, headers: { 'Content-Type': upload.declaredType } };
  }

  async readUpload(uploadId: string, maxBytes: number): Promise<Buffer | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: `uploads/${uploadId}` }));
      if ((head.ContentLength ?? 0) > maxBytes) return null;
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: `uploads/${uploadId}` }));
      return Buffer.from(await object.Body!.transformToByteArray());
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  }

  async deleteUpload(uploadId: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: `uploads/${uploadId}` }));
  }

  async promote(uploadId: string, sha256: string, contentType: string): Promise<void> {
    await this.client.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: `blobs/${sha256}`,
        CopySource: `${this.bucket}/uploads/${uploadId}`,
        ContentType: contentType,
        MetadataDirective: 'REPLACE',
      }),
    );
    await this.deleteUpload(uploadId);
  }

  async readBlob(sha256: string): Promise<Buffer> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: `blobs/${sha256}` }));
    return Buffer.from(await object.Body!.transformToByteArray());
  }

  async deleteBlob(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: `blobs/${sha256}` }));
  }

  async *list(prefix: 'uploads' | 'blobs'): AsyncIterable<{ name: string; modifiedAt: Date }> {
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: `${prefix}/`, ContinuationToken: token }));
      for (const item of page.Contents ?? []) {
        if (item.Key) yield { name: item.Key.slice(prefix.length + 1), modifiedAt: item.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  downloadUrl(sha256: string, options: DownloadOptions): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: `blobs/${sha256}`,
      ResponseContentDisposition: attachmentDisposition(options.fileName),
      ResponseContentType: options.contentType,
    });
    return getSignedUrl(this.client, command, { expiresIn: options.expiresInSeconds });
  }
}
