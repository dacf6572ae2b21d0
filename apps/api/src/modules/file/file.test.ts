import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ExperimentStatus, MemberRole } from '@synapse/domain';
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { createFileHarness, type FileHarness, type Storage } from '../../../test/file-harness.js';
import { makeDocx, makeExecutable, makePdf } from '../../../test/files.js';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { ArtefactFile } from './artefact-file.entity.js';
import { unzipSync } from 'fflate';
import { publishedExperiments, toRecord } from '../open-data/open-data.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { cleanOrphanFiles } from './file.jobs.js';
import { FileUpload } from './file-upload.entity.js';

const ADD = `mutation($experimentId: ID!, $input: AddArtefactInput!) { addArtefact(experimentId: $experimentId, input: $input) {
  id url format version file { number fileName contentType sha256 byteSize scanStatus downloadUrl }
} }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateArtefactInput!) {
  updateArtefact(id: $id, version: $version, input: $input) { id url version files { number fileName createdAt downloadUrl downloads } downloadCount }
}`;
const CREATE_UPLOAD = `mutation($input: CreateUploadInput!) { createUpload(input: $input) { id url } }`;
const PDF = 'application/pdf';

function artefactInput(uploadId: string) {
  return { type: 'BUSINESS_CASE', title: 'Business case for shared lives', licence: 'OGL_3', uploadId };
}

describe.each<Storage>(['local', 's3'])('artefact files stored in %s storage', (storage) => {
  let h: Harness;
  let files: FileHarness;
  beforeAll(async () => {
    h = await createHarness();
    files = await createFileHarness(h, storage, { FILE_MAX_BYTES: String(1024 * 1024) });
  });
  afterAll(async () => {
    await files.close();
    await h.close();
  });

  async function setup(status = ExperimentStatus.PUBLISHED) {
    const council = await buildCouncil(h.em());
    return { council, ...(await teamOf(council, status)) };
  }

  async function teamOf(council: Organisation, status: ExperimentStatus) {
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    const experiment = await buildExperiment(h.em(), { lead: council, status });
    return { editor, experiment };
  }

  /** GETs a download address as a browser would: following the API's redirect to a signed URL (S3). */
  async function download(url: string, headers: Record<string, string> = {}): Promise<Response> {
    const first = await fetch(url, { headers, redirect: 'manual' });
    if (storage === 's3' && first.status === 302) return fetch(first.headers.get('location')!, { headers });
    return first;
  }

  it('uploads a PDF as an artefact and downloads it as an attachment, with ranges', async () => {
    const { editor, experiment } = await setup();
    const pdf = await makePdf('Shared lives business case');
    const uploadId = await files.upload(editor, pdf, '../../Business case ‮fdp.exe', PDF);
    const added = await h.run(ADD, { experimentId: experiment.id, input: artefactInput(uploadId) }, editor);
    expect(added.errors).toBeUndefined();
    const artefact = added.data.addArtefact;
    expect(artefact).toMatchObject({ format: 'PDF', url: `${files.base}/files/artefacts/${artefact.id}` });
    // The path and the right-to-left override are gone from the name.
    expect(artefact.file).toMatchObject({ number: 1, fileName: 'Business case fdp.exe', contentType: PDF, byteSize: pdf.length, scanStatus: 'NOT_SCANNED' });

    const response = await download(artefact.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(PDF);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="Business case fdp.exe"; filename*=UTF-8''Business%20case%20fdp.exe`);
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
    const policy = await fetch(artefact.url, { redirect: 'manual' });
    expect(policy.headers.get('x-content-type-options')).toBe('nosniff');
    expect(policy.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");

    const range = await download(artefact.url, { range: 'bytes=0-4' });
    expect(range.status).toBe(206);
    expect(await range.text()).toBe('%PDF-');
  });

  it('keeps older versions downloadable while the artefact link gives the latest, and counts downloads for the team', async () => {
    const { editor, experiment } = await setup();
    const first = await files.upload(editor, makeDocx('First draft'), 'case.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const added = (await h.run(ADD, { experimentId: experiment.id, input: artefactInput(first) }, editor)).data.addArtefact;
    const secondBytes = await makePdf('Second version');
    const second = await files.upload(editor, secondBytes, 'case-v2.pdf', PDF);
    const updated = await h.run(UPDATE, { id: added.id, version: added.version, input: { uploadId: second } }, editor);
    expect(updated.errors).toBeUndefined();
    const [latest, older] = updated.data.updateArtefact.files;
    expect([latest.number, older.number]).toEqual([2, 1]);

    expect(Buffer.from(await (await download(added.url)).arrayBuffer()).equals(secondBytes)).toBe(true);
    const old = await download(older.downloadUrl);
    expect(old.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(old.headers.get('content-disposition')).toContain('filename="case.docx"');

    const counted = await h.run(UPDATE, { id: added.id, version: updated.data.updateArtefact.version, input: {} }, editor);
    expect(counted.data.updateArtefact.files.map((f: { downloads: number }) => f.downloads)).toEqual([1, 1]);
    expect(counted.data.updateArtefact.downloadCount).toBe(2);
  });

  it('refuses oversized files, disguised executables, truncated uploads and reused upload ids, storing nothing', async () => {
    const { editor, experiment } = await setup();
    const tooBig = await h.run(CREATE_UPLOAD, { input: { fileName: 'big.pdf', contentType: PDF, byteSize: 2 * 1024 * 1024 } }, editor);
    expect(tooBig.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.byteSize', reasonCode: 'FILE_TOO_LARGE' });
    const wrongType = await h.run(CREATE_UPLOAD, { input: { fileName: 'run.exe', contentType: 'application/x-msdownload', byteSize: 10 } }, editor);
    expect(wrongType.errors?.[0]?.extensions).toMatchObject({ field: 'input.contentType', reasonCode: 'FILE_TYPE_NOT_ALLOWED' });
    expect(await h.em().count(FileUpload, { member: editor.id })).toBe(0);

    const disguised = await files.upload(editor, makeExecutable(), 'report.pdf', PDF);
    const refused = await h.run(ADD, { experimentId: experiment.id, input: artefactInput(disguised) }, editor);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.uploadId', reasonCode: 'FILE_TYPE_NOT_ALLOWED' });
    expect(refused.errors?.[0]?.message).toContain('application/x-msdownload');

    const pdf = await makePdf('Half a file');
    const truncated = await files.upload(editor, pdf, 'half.pdf', PDF, pdf.subarray(0, 100));
    const incomplete = await h.run(ADD, { experimentId: experiment.id, input: artefactInput(truncated) }, editor);
    expect(incomplete.errors?.[0]?.extensions).toMatchObject({ field: 'input.uploadId', reasonCode: 'UPLOAD_INCOMPLETE' });
    expect(await h.em().count(Artefact, { experiment: experiment.id })).toBe(0);
    expect(await h.em().count(ArtefactFile, { artefact: { experiment: experiment.id } })).toBe(0);

    const once = await files.upload(editor, pdf, 'whole.pdf', PDF);
    expect((await h.run(ADD, { experimentId: experiment.id, input: artefactInput(once) }, editor)).errors).toBeUndefined();
    const reused = await h.run(ADD, { experimentId: experiment.id, input: artefactInput(once) }, editor);
    expect(reused.errors?.[0]?.extensions).toMatchObject({ field: 'input.uploadId', reasonCode: 'UPLOAD_ALREADY_USED' });

    const stranger = await buildMember(h.em(), await buildCouncil(h.em()), MemberRole.EDITOR);
    const theirs = await files.upload(stranger, pdf, 'theirs.pdf', PDF);
    expect((await h.run(ADD, { experimentId: experiment.id, input: artefactInput(theirs) }, editor)).errors?.[0]?.extensions?.reasonCode).toBe('UPLOAD_NOT_FOUND');
    expect(await h.em().count(Artefact, { experiment: experiment.id })).toBe(1);
  });

  it('refuses an expired upload id', async () => {
    const { editor, experiment } = await setup();
    const id = await files.upload(editor, await makePdf('Late'), 'late.pdf', PDF);
    await h.em().nativeUpdate(FileUpload, { id }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await h.run(ADD, { experimentId: experiment.id, input: artefactInput(id) }, editor);
    expect(expired.errors?.[0]?.extensions).toMatchObject({ field: 'input.uploadId', reasonCode: 'UPLOAD_EXPIRED' });
  });

  it("hides a draft's files from people outside its team", async () => {
    const { editor, experiment } = await setup(ExperimentStatus.DRAFT);
    const id = await files.upload(editor, await makePdf('Draft'), 'draft.pdf', PDF);
    const added = (await h.run(ADD, { experimentId: experiment.id, input: artefactInput(id) }, editor)).data.addArtefact;
    const response = await fetch(added.url, { redirect: 'manual' });
    expect(response.status).toBe(404);
  });

  it('cleans up upload bytes left behind by expired uploads', async () => {
    const { editor } = await setup();
    const id = await files.upload(editor, await makePdf('Never attached'), 'orphan.pdf', PDF);
    await h.em().nativeUpdate(FileUpload, { id }, { expiresAt: new Date(Date.now() - 1000) });
    const removed = await cleanOrphanFiles(h.em(), h.config, new Date(Date.now() + 2 * 60 * 60_000));
    expect(removed).toBeGreaterThanOrEqual(1);
    if (storage === 'local') expect(readdirSync(join(h.config.dataDir, 'files', 'uploads'))).not.toContain(id);
  });

  it("exports files by stable URL and hash, and gives a council all its published files as one ZIP", async () => {
    const { council, editor, experiment } = await setup();
    const first = await makePdf('Archive me');
    const second = makeDocx('And me');
    const added = (await h.run(ADD, { experimentId: experiment.id, input: artefactInput(await files.upload(editor, first, 'case.pdf', PDF)) }, editor)).data.addArtefact;
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    await h.run(UPDATE, { id: added.id, version: added.version, input: { uploadId: await files.upload(editor, second, 'case.docx', docx) } }, editor);
    const draft = await teamOf(council, ExperimentStatus.DRAFT);
    await h.run(ADD, { experimentId: draft.experiment.id, input: artefactInput(await files.upload(draft.editor, await makePdf('Draft'), 'draft.pdf', PDF)) }, draft.editor);

    const records = [];
    for await (const batch of publishedExperiments(h.em(), council.id)) records.push(...batch.map(toRecord));
    const [record] = records;
    assert(record, 'the council has a published experiment');
    const [artefact] = record.artefacts as { url: string; sha256: string }[];
    expect(artefact?.url).toBe(added.url);
    expect(artefact?.sha256).toBe(createHash('sha256').update(second).digest('hex'));

    const response = await fetch(`${files.base}/export/organisations/${council.slug}/files.zip`);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(entries).sort()).toEqual([`${experiment.slug}/v1-case.pdf`, `${experiment.slug}/v2-case.docx`]);
    const pdf = entries[`${experiment.slug}/v1-case.pdf`];
    assert(pdf, 'the zip holds the PDF');
    expect(Buffer.from(pdf).equals(first)).toBe(true);
  });
});
