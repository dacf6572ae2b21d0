/** Where uploaded files live: a folder under DATA_DIR, or an S3-compatible bucket. */
export interface S3Config {
  endpoint: string | null;
  bucket: string;
  region: string;
  accessKeyId: string | null;
  secretAccessKey: string | null;
  forcePathStyle: boolean;
}

export interface FilesConfig {
  /** The largest file accepted, in bytes (FILE_MAX_BYTES, default 50 MB). */
  maxBytes: number;
  /** How long a signed upload or download address lasts. */
  uploadMinutes: number;
  downloadSeconds: number;
  /** Null: files go to DATA_DIR/files. */
  s3: S3Config | null;
  /** host:port of a clamd daemon; null: files are not scanned (docs/operations.md). */
  clamdAddress: string | null;
  /** Development and tests only: artefact link checks may call loopback addresses. */
  linkCheckAllowLoopback: boolean;
}

function whole(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return parsed;
}

function s3(env: NodeJS.ProcessEnv): S3Config | null {
  if (!env.S3_BUCKET) return null;
  return {
    endpoint: env.S3_ENDPOINT || null,
    bucket: env.S3_BUCKET,
    region: env.S3_REGION || 'us-east-1',
    accessKeyId: env.S3_ACCESS_KEY_ID || null,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || null,
    forcePathStyle: ['1', 'true', 'yes', 'on'].includes((env.S3_FORCE_PATH_STYLE ?? '').toLowerCase()),
  };
}

export function loadFilesConfig(env: NodeJS.ProcessEnv, production: boolean): FilesConfig {
  const clamd = env.CLAMD_ADDRESS || null;
  if (clamd && !/^[^\s:]+:\d{1,5}$/.test(clamd)) throw new Error(`CLAMD_ADDRESS must be host:port, got ${JSON.stringify(clamd)}`);
  const linkCheckAllowLoopback = ['1', 'true', 'yes', 'on'].includes((env.LINK_CHECK_ALLOW_LOOPBACK ?? '').toLowerCase());
  if (production && linkCheckAllowLoopback) throw new Error('LINK_CHECK_ALLOW_LOOPBACK is for local development and cannot be set in production');
  return {
    maxBytes: whole('FILE_MAX_BYTES', env.FILE_MAX_BYTES, 50 * 1024 * 1024, 1024, 5 * 1024 * 1024 * 1024),
    uploadMinutes: whole('UPLOAD_URL_MINUTES', env.UPLOAD_URL_MINUTES, 30, 1, 24 * 60),
    downloadSeconds: 300,
    s3: s3(env),
    clamdAddress: clamd,
    linkCheckAllowLoopback,
  };
}
