import { DOMParser } from '@xmldom/xmldom';
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ExperimentStatus } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Discussion } from '../discussion/discussion.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import type { Member } from '../member/member.entity.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { escapeXml, sitemapRoutes } from './sitemap.routes.js';

let h: Harness;
const servers: Server[] = [];
const ORIGIN = 'https://synapse.test';

/** The sitemap routes alone, on a free port, with a page size a test can reach. */
async function serve(pageSize?: number): Promise<string> {
  const app = express().use(sitemapRoutes({ orm: h.orm, config: h.config, pageSize }));
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((resolve) => server.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Parses strictly: any XML error fails the test. */
function parseXml(text: string): Document {
  const fail = (message: string) => {
    throw new Error(`invalid XML: ${message}`);
  };
  return new DOMParser({ errorHandler: { warning: () => undefined, error: fail, fatalError: fail } }).parseFromString(text, 'application/xml') as unknown as Document;
}

const locs = (doc: Document) => Array.from(doc.getElementsByTagName('loc')).map((node) => node.textContent ?? '');

async function get(base: string, path: string) {
  const response = await fetch(`${base}${path}`);
  return { response, text: await response.text() };
}

async function discussion(author: Member, experiment: Experiment | null, extra: Partial<Discussion> = {}): Promise<Discussion> {
  const em = h.em();
  const row = em.create(Discussion, { title: 'Has anyone tried this?', author: author.id, experiment: experiment?.id ?? null, ...extra } as never);
  await em.flush();
  return row as Discussion;
}

let council: Organisation;
let quiet: Organisation;
let published: Experiment;
let draft: Experiment;
let withdrawn: Experiment;
let hostile: Experiment;
let networkQuestion: Discussion;
let onPublished: Discussion;
let onDraft: Discussion;
let hidden: Discussion;

beforeAll(async () => {
  h = await createHarness();
  const em = h.em();
  council = await buildCouncil(em, { slug: 'wigan-test' });
  quiet = await buildCouncil(em, { slug: 'only-drafts-council' });
  published = await buildExperiment(em, { lead: council, title: 'Warm welcome' });
  draft = await buildExperiment(em, { lead: quiet, status: ExperimentStatus.DRAFT });
  withdrawn = await buildExperiment(em, { lead: quiet });
  withdrawn.withdrawnAt = new Date();
  withdrawn.withdrawalReason = 'Replaced by a newer write-up';
  // A slug with every character XML cares about (an import could bring one): it must reach the XML escaped.
  hostile = await buildExperiment(em, { lead: council });
  hostile.slug = `a&b<c>"d'e-${hostile.id.slice(0, 6)}`;
  await em.flush();
  const member = await buildMember(em, council);
  networkQuestion = await discussion(member, null);
  onPublished = await discussion(member, published);
  onDraft = await discussion(member, draft);
  hidden = await discussion(member, null, { hiddenAt: new Date() });
});

afterAll(async () => {
  for (const server of servers) server.close();
  await h?.close();
});

describe('sitemap.xml', () => {
  it('lists exactly the published, unwithdrawn experiments, the organisations that lead them and the public discussions', async () => {
    const base = await serve();
    const { response, text } = await get(base, '/sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/xml');
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const doc = parseXml(text);
    expect(doc.documentElement.tagName).toBe('urlset');
    expect(locs(doc).sort()).toEqual(
      [
        `${ORIGIN}/`,
        `${ORIGIN}/search`,
        `${ORIGIN}/questions`,
        `${ORIGIN}/experiments/${published.slug}`,
        `${ORIGIN}/experiments/${encodeURIComponent(hostile.slug)}`,
        `${ORIGIN}/organisations/wigan-test`,
        `${ORIGIN}/discussions/${networkQuestion.id}`,
        `${ORIGIN}/discussions/${onPublished.id}`,
      ].sort(),
    );
    // Absent by name, so a failure says which one leaked.
    expect(text).not.toContain(draft.slug);
    expect(text).not.toContain(withdrawn.slug);
    expect(text).not.toContain('only-drafts-council');
    expect(text).not.toContain(onDraft.id);
    expect(text).not.toContain(hidden.id);
  });

  it('gives each experiment its last update as lastmod', async () => {
    const doc = parseXml((await get(await serve(), '/sitemap.xml')).text);
    const entry = Array.from(doc.getElementsByTagName('url')).find((url) => url.getElementsByTagName('loc')[0]?.textContent?.endsWith(published.slug));
    const fresh = await h.em().findOneOrFail(Experiment, { id: published.id });
    expect(entry?.getElementsByTagName('lastmod')[0]?.textContent).toBe(fresh.updatedAt.toISOString());
  });

  it('escapes a hostile slug so the XML stays well formed and no markup gets through', async () => {
    const { text } = await get(await serve(), '/sitemap.xml');
    expect(text).not.toMatch(/<c>|"d'e/);
    expect(locs(parseXml(text))).toContain(`${ORIGIN}/experiments/${encodeURIComponent(hostile.slug)}`);
  });

  it('splits into an index of pages past the page size, every address on exactly one page', async () => {
    const base = await serve(3);
    const index = parseXml((await get(base, '/sitemap.xml')).text);
    expect(index.documentElement.tagName).toBe('sitemapindex');
    expect(locs(index)).toEqual([1, 2, 3].map((n) => `${ORIGIN}/sitemaps/${n}.xml`));
    const pages = await Promise.all([1, 2, 3].map(async (n) => locs(parseXml((await get(base, `/sitemaps/${n}.xml`)).text))));
    expect(pages.map((page) => page.length)).toEqual([3, 3, 2]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(8);
    const whole = locs(parseXml((await get(await serve(), '/sitemap.xml')).text));
    expect(all.sort()).toEqual(whole.sort());
    expect((await get(base, '/sitemaps/4.xml')).response.status).toBe(404);
    expect((await get(base, '/sitemaps/0.xml')).response.status).toBe(404);
  });

  it('has no numbered pages while the sitemap fits in one file', async () => {
    expect((await get(await serve(), '/sitemaps/1.xml')).response.status).toBe(404);
  });
});

describe('robots.txt', () => {
  it('allows the public pages, keeps crawlers out of signed-in areas and names the sitemap', async () => {
    const { response, text } = await get(await serve(), '/robots.txt');
    expect(response.headers.get('content-type')).toContain('text/plain');
    const lines = text.split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Allow: /');
    for (const path of ['/account', '/notifications', '/publish', '/moderation', '/attention', '/*/edit', '/*/manage', '/graphql', '/auth', '/dev']) {
      expect(lines).toContain(`Disallow: ${path}`);
    }
    const disallowed = lines.filter((line) => line.startsWith('Disallow:')).map((line) => line.slice('Disallow: '.length));
    for (const open of ['/', '/experiments', '/organisations', '/discussions', '/search', '/questions', '/export', '/feeds']) {
      expect(disallowed.some((rule) => open.startsWith(rule.replace(/\*.*$/, '')) && !rule.includes('*'))).toBe(false);
    }
    expect(lines).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML characters and drops those XML 1.0 cannot hold', () => {
    expect(escapeXml(`a&b<c>"d'e`)).toBe('a&amp;b&lt;c&gt;&quot;d&apos;e');
    expect(escapeXml('x\u0001y\u000bz\ufffe')).toBe('xyz');
    expect(escapeXml('tab\tline\nfeed')).toBe('tab\tline\nfeed');
  });
});
