import { ExperimentStatus, MemberRole } from '@synapse/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFileHarness, type FileHarness } from '../../../test/file-harness.js';
import { EICAR, makeDocx, makePdf, startFakeClamd } from '../../../test/files.js';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Notification, NotificationKind } from '../notification/notification.entity.js';
import { ArtefactFile, ScanStatus, TextStatus } from './artefact-file.entity.js';
import { extractText } from './text-extract.js';

const ADD = `mutation($experimentId: ID!, $input: AddArtefactInput!) { addArtefact(experimentId: $experimentId, input: $input) {
  id url file { id scanStatus textStatus downloadable }
} }`;
const SEARCH = `query($query: String!) { search(query: $query) { hits { experiment { id title } highlights { field snippet } } } }`;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ search: true });
});
afterAll(async () => {
  await h.close();
});

async function setup(title: string) {
  const council = await buildCouncil(h.em());
  const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
  const experiment = await buildExperiment(h.em(), { lead: council, status: ExperimentStatus.PUBLISHED, title });
  return { editor, experiment };
}

function attach(experimentId: string, uploadId: string, editor: Parameters<Harness['run']>[2]) {
  return h.run(ADD, { experimentId, input: { type: 'BUSINESS_CASE', title: 'The business case', licence: 'OGL_3', uploadId } }, editor);
}

describe('searchable inside', () => {
  let files: FileHarness;
  beforeAll(async () => {
    files = await createFileHarness(h, 'local');
  });
  afterAll(async () => files.close());

  it('makes a word inside a PDF and inside a DOCX findable by search, with a snippet from the document', async () => {
    const pdfCase = await setup('Reablement at home');
    const docxCase = await setup('Community hubs for libraries');
    const pdf = await files.upload(pdfCase.editor, await makePdf('The quokkaberry payback period is three years.'), 'case.pdf', 'application/pdf');
    const docx = await files.upload(docxCase.editor, makeDocx('Savings come from the zanderwick rota for volunteers.'), 'case.docx', DOCX);
    expect((await attach(pdfCase.experiment.id, pdf, pdfCase.editor)).errors).toBeUndefined();
    expect((await attach(docxCase.experiment.id, docx, docxCase.editor)).errors).toBeUndefined();
    await h.runJobs(); // extraction, then the search sync its artefact change enqueued
    await h.runJobs();

    const inPdf = (await h.run(SEARCH, { query: 'quokkaberry' })).data.search.hits;
    expect(inPdf.map((hit: { experiment: { title: string } }) => hit.experiment.title)).toEqual(['Reablement at home']);
    expect(inPdf[0].highlights).toContainEqual({ field: 'documentText', snippet: expect.stringContaining('<mark>quokkaberry</mark>') });
    const inDocx = (await h.run(SEARCH, { query: 'zanderwick' })).data.search.hits;
    expect(inDocx.map((hit: { experiment: { title: string } }) => hit.experiment.title)).toEqual(['Community hubs for libraries']);
    // The text the database's own full-text search looks in when the engine is down holds the same words.
    const rows = await h.em().getConnection().execute<{ experiment_id: string }[]>("select experiment_id from experiment_search_text where body like '%zanderwick%'");
    expect(rows.map((row) => row.experiment_id)).toEqual([docxCase.experiment.id]);
  }, 90_000); // the first PDF extraction loads pdf.js

  it('leaves a file downloadable and says so when extraction fails', async () => {
    const { editor, experiment } = await setup('Broken PDF');
    // A PDF header and nothing a PDF reader can use.
    const broken = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x41)]);
    const id = await files.upload(editor, broken, 'broken.pdf', 'application/pdf');
    const added = (await attach(experiment.id, id, editor)).data.addArtefact;
    await h.runJobs();
    const file = await h.em().findOneOrFail(ArtefactFile, { id: added.file.id });
    expect(file.textStatus).toBe(TextStatus.FAILED);
    expect((await fetch(added.url)).status).toBe(200);
  });

  it('gives up extraction after its time limit', async () => {
    await expect(extractText('application/pdf', await makePdf('slow'), 0)).rejects.toThrow(/longer than 0 ms/);
  });
});

describe('quarantine (ClamAV)', () => {
  let files: FileHarness;
  let clamd: Awaited<ReturnType<typeof startFakeClamd>>;
  beforeAll(async () => {
    clamd = await startFakeClamd();
    files = await createFileHarness(h, 'local', { CLAMD_ADDRESS: clamd.address });
  });
  afterEach(async () => h.runJobs().catch(() => undefined));
  afterAll(async () => {
    await files.close();
    await clamd.close();
  });

  it('holds a file until the scanner says it is clean: not downloadable, not indexed', async () => {
    const { editor, experiment } = await setup('Quarantined until clean');
    const id = await files.upload(editor, await makePdf('The wombatfield appraisal.'), 'appraisal.pdf', 'application/pdf');
    const added = (await attach(experiment.id, id, editor)).data.addArtefact;
    expect(added.file).toMatchObject({ scanStatus: 'PENDING', textStatus: 'PENDING', downloadable: false });
    expect((await fetch(added.url)).status).toBe(409);

    await h.runJobs();
    await h.runJobs();
    await h.runJobs();
    expect(clamd.scans).toBeGreaterThanOrEqual(1);
    const file = await h.em().findOneOrFail(ArtefactFile, { id: added.file.id });
    expect(file).toMatchObject({ scanStatus: ScanStatus.CLEAN, textStatus: TextStatus.EXTRACTED });
    expect((await fetch(added.url)).status).toBe(200);
    expect((await h.run(SEARCH, { query: 'wombatfield' })).data.search.hits).toHaveLength(1);
  });

  it('rejects an infected file and tells the team', async () => {
    const { editor, experiment } = await setup('Infected upload');
    const id = await files.upload(editor, Buffer.from(EICAR), 'notes.txt', 'text/plain');
    const added = (await attach(experiment.id, id, editor)).data.addArtefact;
    await h.runJobs();
    await h.runJobs();
    const file = await h.em().findOneOrFail(ArtefactFile, { id: added.file.id });
    expect(file.scanStatus).toBe(ScanStatus.INFECTED);
    expect(file.textStatus).toBe(TextStatus.PENDING); // never read for search
    expect((await fetch(added.url)).status).toBe(410);
    const told = await h.em().find(Notification, { member: editor.id, kind: NotificationKind.ARTEFACT_PROBLEM });
    expect(told.map((n) => n.message)).toEqual([expect.stringContaining('virus scanner rejected “notes.txt”')]);
  });
});
