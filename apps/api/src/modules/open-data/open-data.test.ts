import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/http.js';
import { entityManager } from '../../db/orm.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { importExperiments, readImportFile } from '../import/import.service.js';

// Open data over HTTP against the demo data: exports, per-organisation exports, feeds, and a round trip
// of the export through the importer into an empty installation.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { search: false });
});
afterAll(async () => {
  await server?.close();
});

async function get(path: string) {
  const response = await fetch(`${server.base}${path}`);
  return { response, text: await response.text() };
}

describe('open data exports', () => {
  it('exports every published experiment as JSON in the import format, with licence, attribution and date, and no drafts or personal data', async () => {
    const { response, text } = await get('/export/experiments.json');
    expect(response.status).toBe(200);
    const body = JSON.parse(text);
    expect(body).toMatchObject({ format: 'synapse-experiments', version: 2, licence: { text: expect.stringContaining('Open Government Licence') } });
    expect(body.attribution).toContain('mySociety');
    expect(Date.parse(body.generatedAt)).not.toBeNaN();
    const published = await entityManager(server.orm).fork().count(Experiment, { status: 'PUBLISHED' as never });
    expect(body.experiments).toHaveLength(published);
    expect(text).not.toContain('Warm spaces in libraries'); // the demo council's draft
    expect(text).not.toMatch(/contactEmail|contactName|@[a-z-]+\.(example|gov\.uk|invalid)/);
    const powys = body.experiments.find((e: { externalId: string }) => e.externalId === 'demo-powys-discharge-drivers');
    expect(powys.forkOf).toEqual({ leadOrganisation: 'E08000033', externalId: 'demo-calderdale-discharge-drivers' });
    // Parents come before their forks, so the file imports in one pass.
    const position = (id: string) => body.experiments.findIndex((e: { externalId: string }) => e.externalId === id);
    expect(position('demo-leeds-home-from-hospital')).toBeLessThan(position('demo-calderdale-discharge-drivers'));
    expect(position('demo-calderdale-discharge-drivers')).toBeLessThan(position('demo-powys-discharge-drivers'));
  });

  it('exports CSV for experiments, outcomes, artefacts and organisations', async () => {
    const experiments = parse((await get("/export/experiments.csv")).text, { columns: true }) as Record<string, string>[];
    expect(experiments.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(experiments[0] as object)).toEqual(expect.arrayContaining(['slug', 'title', 'lead_gss_code', 'latest_verdict', 'url']));
    const outcomes = parse((await get("/export/outcomes.csv")).text, { columns: true }) as Record<string, string>[];
    expect(outcomes.length).toBeGreaterThanOrEqual(experiments.filter((experiment) => experiment.latest_verdict).length);
    expect(outcomes[0]).toHaveProperty('verdict');
    const artefacts = parse((await get("/export/artefacts.csv")).text, { columns: true }) as Record<string, string>[];
    expect(artefacts[0]?.url).toMatch(/^https?:\/\//);
    const { response, text } = await get('/export/organisations.csv');
    expect(response.headers.get('link')).toContain('rel="license"');
    expect(parse(text, { columns: true }).length).toBeGreaterThanOrEqual(397);
  });

  it("exports one organisation's content so a council can take it all out", async () => {
    const { text } = await get('/export/organisations/wigan/experiments.json');
    const body = JSON.parse(text);
    expect(body.experiments.length).toBe(3);
    expect(body.experiments.every((e: { leadOrganisation: string }) => e.leadOrganisation === 'E08000010')).toBe(true);
    expect((await get('/export/organisations/no-such-council/experiments.json')).response.status).toBe(404);
  });

  it('round-trips through the importer into an empty installation with nothing lost', async () => {
    const original = JSON.parse((await get('/export/experiments.json')).text);
    const fresh = await startTestServer({ SYNAPSE_SEED_DEMO: 'false' }, { search: false });
    try {
      const report = await importExperiments(entityManager(fresh.orm).fork(), readImportFile(original));
      expect(report.rejected, JSON.stringify(report.records.filter((r) => r.outcome === 'rejected').slice(0, 2))).toBe(0);
      const again = JSON.parse(await (await fetch(`${fresh.base}/export/experiments.json`)).text());
      const strip = (body: { generatedAt: string; attribution: string }) => ({ ...body, generatedAt: null, attribution: null });
      expect(strip(again)).toEqual(strip(original));
    } finally {
      await fresh.close();
    }
  });
});

describe('Atom feeds', () => {
  it('lists new experiments overall, per service area, per organisation and per search, never drafts', async () => {
    const all = await get('/feeds/experiments.atom');
    expect(all.response.headers.get('content-type')).toContain('application/atom+xml');
    expect(all.text).toContain('<feed');
    expect(all.text).toContain('Housing First for people sleeping rough');
    expect(all.text).not.toContain('Warm spaces in libraries');
    const area = (await get('/feeds/service-areas/waste.atom')).text;
    expect(area).toContain('Repair cafés and a library of things');
    expect(area).not.toContain('Housing First');
    const council = (await get('/feeds/organisations/wigan.atom')).text;
    expect(council).toContain('Home support from neighbourhood micro-enterprises');
    const search = (await get('/feeds/search.atom?q=homelessness')).text;
    expect(search).toContain('<entry>');
    expect((await get('/feeds/service-areas/astrology.atom')).response.status).toBe(404);
  });

  it('a search feed takes the search page\'s filters (a saved search\'s feed link), and refuses a bad one naming it', async () => {
    const unfiltered = (await get('/feeds/search.atom?q=homelessness')).text;
    expect(unfiltered).toContain('Housing First for people sleeping rough');
    const filtered = (await get('/feeds/search.atom?q=homelessness&serviceAreas=waste')).text;
    expect(filtered).toContain('Experiments: “homelessness” · Waste and recycling');
    expect(filtered).not.toContain('Housing First for people sleeping rough');
    const bad = await get('/feeds/search.atom?q=homelessness&minEvidenceLevel=9');
    expect(bad.response.status).toBe(400);
    expect(JSON.parse(bad.text).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.minEvidenceLevel' });
  });
});
