import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.js';
import { type RunningSynapse, startSynapse } from './synapse.js';

// Sharing an experiment: its schema.org markup, the PDF summary link, "Copy link" and the print stylesheet.
// Bristol's open-source experiment (demo data) has a code repository under MIT and the OGL write-up.

const SLUG = 'open-source-first-for-small-council-digital-services';
let synapse: RunningSynapse;
let page: Page;
const consoleProblems: string[] = [];

beforeAll(async () => {
  synapse = await startSynapse();
  page = await synapse.newPage(1200);
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleProblems.push(message.text());
  });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: synapse.base });
  await page.goto(`${synapse.base}/experiments/${SLUG}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
});

afterAll(async () => {
  await synapse?.stop();
});

it("describes the experiment in schema.org JSON-LD with the council's GSS code, the licence's address and the artefacts", async () => {
  const json = await page.locator('script[type="application/ld+json"]').textContent();
  const ld = JSON.parse(json!);
  expect(ld['@type']).toBe('Project');
  expect(ld.url).toBe(`${synapse.base}/experiments/${SLUG}`);
  expect(ld.sponsor).toMatchObject({ '@type': 'GovernmentOrganization', identifier: { '@type': 'PropertyValue', propertyID: 'GSS', value: 'E06000023' } });
  expect(ld.license).toBe('https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/');
  expect(ld.hasPart).toContainEqual(expect.objectContaining({ '@type': 'SoftwareSourceCode', license: 'https://opensource.org/license/mit' }));
});

it('hydrates the server-rendered page with the share actions without console errors or warnings', async () => {
  await page.getByRole('button', { name: 'Copy link' }).waitFor();
  expect(consoleProblems).toEqual([]);
});

it('server-renders the markup and the PDF link, but no Copy link button until JavaScript can make it work', async () => {
  const html = await (await fetch(`${synapse.base}/experiments/${SLUG}`)).text();
  const json = html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1];
  expect(JSON.parse(json!).sponsor.identifier.value).toBe('E06000023');
  expect(html).toContain(`href="/experiments/${SLUG}/summary.pdf"`);
  expect(html).not.toContain('Copy link');
  const noScript = await (await synapse.browser.newContext({ javaScriptEnabled: false })).newPage();
  await noScript.goto(`${synapse.base}/experiments/${SLUG}`);
  expect(await noScript.getByRole('link', { name: 'Download a one-page summary (PDF)' }).isVisible()).toBe(true);
  expect(await noScript.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
  await noScript.context().close();
});

it('links to a one-page PDF summary that the server answers as a PDF', async () => {
  const link = page.getByRole('link', { name: 'Download a one-page summary (PDF)' });
  const href = await link.getAttribute('href');
  expect(href).toBe(`/experiments/${SLUG}/summary.pdf`);
  const response = await fetch(`${synapse.base}${href}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
});

it('copies the canonical link and says so', async () => {
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${synapse.base}/experiments/${SLUG}`);
  await expectAccessible(page);
});

it('prints as a clean document: no navigation, footer, buttons or folded sections, and external links (only) followed by their address', async () => {
  await page.emulateMedia({ media: 'print' });
  try {
    for (const selector of ['.govuk-header', '.govuk-footer', '.govuk-phase-banner', '.synapse-share', '.govuk-skip-link']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    await expect.poll(() => page.locator('main .govuk-button:visible').count()).toBe(0);
    const external = page.locator('main a[href^="https://"]').first();
    const after = await external.evaluate((link) => getComputedStyle(link, '::after').content);
    expect(after).toContain(await external.getAttribute('href'));
    const internal = page.locator('main a[href^="/organisations/"]').first();
    expect(await internal.evaluate((link) => getComputedStyle(link, '::after').content)).toBe('none');
    expect(await page.locator('main details:not([open])').first().isVisible()).toBe(false);
    expect(await page.locator('main h1').evaluate((h1) => getComputedStyle(h1).color)).toBe('rgb(0, 0, 0)');
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
});
