import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import S3rver from 's3rver';
import cookieParser from 'cookie-parser';
import { freePort } from '@synapse/search';
import { loadFilesConfig } from '../src/modules/file/file.config.js';
import { fileRoutes } from '../src/modules/file/file.routes.js';
import type { Member } from '../src/modules/member/member.entity.js';
import type { Harness } from './harness.js';

export type Storage = 'local' | 's3';

export interface FileHarness {
  /** Where the file routes listen (also the configuration's PUBLIC_URL). */
  base: string;
  /** createUpload as `member`, then PUTs `bytes` to the signed address (all of them unless `send` is given). */
  upload(member: Member, bytes: Buffer, fileName: string, contentType: string, send?: Buffer): Promise<string>;
  close(): Promise<void>;
}

const CREATE_UPLOAD = `mutation($input: CreateUploadInput!) { createUpload(input: $input) { id url expiresAt headers { name value } } }`;

/**
 * Points the harness's configuration at a fresh local folder or at a real S3-compatible server (s3rver, pure
 * Node, started here on loopback), and serves the file routes on a free port, as the app does.
 */
export async function createFileHarness(h: Harness, storage: Storage, env: NodeJS.ProcessEnv = {}): Promise<FileHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'synapse-files-'));
  let s3: S3rver | null = null;
  let s3Env: NodeJS.ProcessEnv = {};
  if (storage === 's3') {
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(dataDir, 's3'), configureBuckets: [{ name: 'synapse-files', configs: [] }] });
    const { port } = await s3.run();
    s3Env = { S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_BUCKET: 'synapse-files', S3_REGION: 'eu-west-2', S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_FORCE_PATH_STYLE: 'true' };
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  Object.assign(h.config, { dataDir, publicUrl: base, files: loadFilesConfig({ LINK_CHECK_ALLOW_LOOPBACK: 'true', ...s3Env, ...env }, false) });
  const app = express();
  app.use(cookieParser());
  app.use(fileRoutes({ orm: h.orm, config: h.config }));
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    base,
    async upload(member, bytes, fileName, contentType, send = bytes) {
      const created = await h.run(CREATE_UPLOAD, { input: { fileName, contentType, byteSize: bytes.length } }, member);
      if (created.errors) throw new Error(JSON.stringify(created.errors));
      const { id, url, headers } = created.data.createUpload as { id: string; url: string; headers: { name: string; value: string }[] };
      const response = await fetch(url, { method: 'PUT', body: new Uint8Array(send), headers: Object.fromEntries(headers.map((x) => [x.name, x.value])) });
      if (!response.ok && send === bytes) throw new Error(`PUT failed: ${response.status} ${await response.text()}`);
      return id;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await s3?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
