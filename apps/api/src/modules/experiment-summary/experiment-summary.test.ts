import cookieParser from 'cookie-parser';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ArtefactType, ExperimentStatus, Licence, MemberRole, Verdict } from '@synapse/domain';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Artefact } from '../artefact/artefact.entity.js';
import type { Experiment } from '../experiment/experiment.entity.js';
import { createRateLimits } from '../../http/rate-limit.js';
import { createSession } from '../identity/identity.service.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { Outcome } from '../outcome/outcome.entity.js';
import { experimentSummaryRoutes, summaryFileName } from './experiment-summary.routes.js';
import { pdfText } from './pdf-text.js';

let h: Harness;
let server: Server;
let base: string;
let council: Organisation;
let published: Experiment;
let draft: Experiment;
let withdrawn: Experiment;
let hostile: Experiment;

async function fetchPdf(slug: string, cookie?: string) {
  const response = await fetch(`${base}/experiments/${encodeURIComponent(slug)}/summary.pdf`, { headers: cookie ? { cookie } : {} });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

/** A real parse: the page count from pdf-lib, the text as a PDF reader extracts it (pdf.js through unpdf). */
async function readPdf(body: Buffer): Promise<{ pages: number; text: string }> {
  const pages = (await PDFDocument.load(body)).getPageCount();
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(body)), { mergePages: true });
  return { pages, text: text.replace(/\s+/g, ' ') };
}

beforeAll(async () => {
  h = await createHarness();
  const em = h.em();
  council = await buildCouncil(em, { name: 'Wigan Test Council', gssCode: 'E08000010' });
  published = await buildExperiment(em, {
    lead: council,
    title: 'Volunteer drivers for hospital discharge',
    outcomes: [{ verdict: Verdict.WORKED, evidenceLevel: 3 }],
    artefacts: 1,
  });
  published.licence = Licence.CC_BY_4;
  published.actualCost = 42_000;
  published.startDate = '2024-01-15';
  published.summary = 'Volunteers drove people home from hospital, so beds came free sooner.';
  draft = await buildExperiment(em, { lead: council, status: ExperimentStatus.DRAFT, title: 'A draft nobody outside may see' });
  withdrawn = await buildExperiment(em, { lead: council, title: 'Withdrawn pilot' });
  withdrawn.withdrawnAt = new Date();
  // Hostile text: a title at its limit with one unbreakable word, control characters, markdown, emoji, right-to-left marks, Welsh.
  hostile = await buildExperiment(em, { lead: council });
  hostile.title = `Cynllun Gŵyl\u0007\u202e **bold** [link](javascript:alert(1)) 🎉 ${'Unbrokenwordwithoutanyspaces'.repeat(5)}`.slice(0, 200);
  hostile.summary = `# Heading\n\n${'Paragraph with <script>alert(1)</script> and \u0001 control. '.repeat(200)}`;
  for (let n = 0; n < 12; n++) {
    hostile.outcomes.add(
      Object.assign(new Outcome(), {
        title: `Finding ${n} ${'😀'.repeat(50)}`,
        verdict: Verdict.MIXED,
        evaluationDesign: 'CASE_STUDY',
        evidenceLevel: 1,
        measures: Array.from({ length: 8 }, (_, m) => ({ name: `Measure ${m} ${'ŵ'.repeat(40)}`, baseline: m, result: m * 2, unit: '%', period: null, goodDirection: 'UP' })),
      }),
    );
  }
  for (let n = 0; n < 30; n++) {
    hostile.artefacts.add(
      Object.assign(new Artefact(), { type: ArtefactType.DATA_SET, title: `Data ${n}`, licence: Licence.CC0_1, url: `https://example.org/${'x'.repeat(500)}`, owner: council.id }),
    );
  }
  await em.flush();
  const app = express().use(cookieParser(), experimentSummaryRoutes({ orm: h.orm, config: h.config }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.close();
  await h?.close();
});

describe('GET /experiments/:slug/summary.pdf', () => {
  it('is a one-page PDF with the title, council, verdict, figures, costs, artefact licences, the licence and the link', async () => {
    const { response, body } = await fetchPdf(published.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`attachment; filename="${published.slug}-summary.pdf"`);
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const { pages, text } = await readPdf(body);
    expect(pages).toBe(1);
    for (const expected of [
      'Volunteer drivers for hospital discharge',
      'Led by Wigan Test Council (GSS code E08000010)',
      'Worked',
      'Evidence level 3 of 5',
      'People helped: 10 people to 20 people',
      '£42,000',
      'Volunteers drove people home from hospital',
      'Toolkit 1 (Toolkit). Licence: Open Government Licence v3.0',
      'Creative Commons Attribution 4.0 (https://creativecommons.org/licenses/by/4.0/)',
      `${h.config.publicUrl}/experiments/${published.slug}`,
      'Generated from Synapse on',
      '15 January 2024',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('answers 404 for a draft to an anonymous caller, as the experiment query would', async () => {
    const { response, body } = await fetchPdf(draft.slug);
    expect(response.status).toBe(404);
    expect(body.toString()).not.toContain(draft.title);
    expect((await fetchPdf('no-such-experiment')).response.status).toBe(404);
  });

  it("gives a signed-in member of the team their draft, never cached by a shared cache", async () => {
    const member = await buildMember(h.em(), council, MemberRole.MEMBER);
    const { token } = await createSession(h.em(), h.config, member, null);
    const { response, body } = await fetchPdf(draft.slug, `synapse_session=${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect((await readPdf(body)).text).toContain('A draft nobody outside may see');
    const outsider = await buildMember(h.em(), await buildCouncil(h.em()), MemberRole.ADMIN);
    const other = await createSession(h.em(), h.config, outsider, null);
    expect((await fetchPdf(draft.slug, `synapse_session=${other.token}`)).response.status).toBe(404);
  });

  it('answers 410 for a withdrawn experiment, as its page does', async () => {
    const { response, body } = await fetchPdf(withdrawn.slug);
    expect(response.status).toBe(410);
    expect(body.toString()).toContain('withdrawn');
  });

  it('still makes one valid page from hostile text: huge title, control characters, emoji, markdown, dozens of outcomes and artefacts', async () => {
    const { response, body } = await fetchPdf(hostile.slug);
    expect(response.status).toBe(200);
    const { pages, text } = await readPdf(body);
    expect(pages).toBe(1);
    expect(text).toContain('Cynllun Gwyl'); // ŵ has no glyph in the standard fonts: its base letter instead
    // What did not fit is counted, and the counts add up.
    const findings = text.match(/Mixed results: Finding/g)?.length ?? 0;
    expect(findings).toBeGreaterThan(0);
    expect(text).toContain(`and ${12 - findings} more findings on Synapse`);
    const documents = text.match(/Licence: Creative Commons Zero/g)?.length ?? 0;
    expect(documents).toBeGreaterThan(0);
    expect(text).toContain(`and ${30 - documents} more on Synapse`);
    expect(text).toContain('Generated from Synapse on'); // the footer survives whatever came before it
    expect([...text].filter((char) => char.codePointAt(0)! < 0x20)).toEqual([]);
  });
});

describe('the PDF route under the rate limits', () => {
  it('answers 429 past the anonymous limit, as /export does', async () => {
    const config = { ...h.config, rateLimit: { windowSeconds: 60, anonymous: 2, apiKey: 2 } };
    const limits = await createRateLimits(config, { sqlitePath: ':memory:' });
    const limited = express().use(experimentSummaryRoutes({ orm: h.orm, config, rateLimit: limits.middleware })).listen(0, '127.0.0.1');
    try {
      await new Promise((resolve) => limited.once('listening', resolve));
      const url = `http://127.0.0.1:${(limited.address() as AddressInfo).port}/experiments/${published.slug}/summary.pdf`;
      const statuses = [];
      for (let n = 0; n < 3; n++) statuses.push((await fetch(url)).status);
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      limited.close();
      await limits.close();
    }
  });
});

describe('PDF text and file names', () => {
  it('keeps what the standard fonts draw, maps look-alikes and drops the rest', () => {
    expect(pdfText('Café “quoted” – £5 €2 • ok')).toBe('Café “quoted” – £5 €2 • ok');
    expect(pdfText('Ynys Môn, Gŵyl, Llŷn')).toBe('Ynys Môn, Gwyl, Llyn');
    expect(pdfText('a\u0000b\u202ec 🎉 d\u2212e\ntwo')).toBe('abc d-e two');
  });

  it('makes a safe attachment name from any slug', () => {
    expect(summaryFileName('warm-spaces')).toBe('warm-spaces-summary.pdf');
    expect(summaryFileName('../../etc/passwd"\r\nX: y')).toBe('etc-passwd-x-y-summary.pdf');
    expect(summaryFileName('🎉')).toBe('experiment-summary.pdf');
  });
});
