import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.js';
import { type RunningSynapse, SCREENSHOTS, startSynapse } from './synapse.js';

// The finding journey: search with a typo, narrow by a facet, open an experiment; every page accessible.

let synapse: RunningSynapse;
let page: Page;

beforeAll(async () => {
  synapse = await startSynapse();
  const context = await synapse.browser.newContext({ viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await synapse?.stop();
});

it('shows headline numbers and new experiments on the home page', async () => {
  await page.goto(`${synapse.base}/`);
  await page.getByRole('heading', { name: 'New experiments' }).waitFor();
  const figure = async (label: string) => Number((await page.locator(`dt:text-is("${label}") + dd`).textContent())!.replace(/,/g, ''));
  expect(await figure('Councils')).toBe(397);
  expect(await figure('Experiments published')).toBeGreaterThan(30);
  expect(await figure('Outcomes published')).toBeGreaterThan(await figure('Experiments published') / 2);
  expect(await figure('Adaptations by other councils')).toBeGreaterThan(0);
  await page.screenshot({ path: `${SCREENSHOTS}home.png` });
  await expectAccessible(page);
});

it('suggests experiment titles as you type', async () => {
  await page.getByLabel(/Has anyone tried it/).fill('Housing Fi');
  await expect
    .poll(() => page.locator('#search-suggestions option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)))
    .toContain('Housing First for people sleeping rough');
});

it('finds homelessness pilots from a misspelt search, and keeps the search in the URL', async () => {
  await page.getByLabel(/Has anyone tried it/).fill('homelessnes');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByText(/^About \d+ experiments?$/).waitFor();
  expect(new URL(page.url()).searchParams.get('q')).toBe('homelessnes');
  const titles = await page.locator('main h2 a').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  expect(titles.some((title) => /Housing First|rehousing|homeless/i.test(title))).toBe(true);
  await expect.poll(() => page.locator('.synapse-snippet mark').count()).toBeGreaterThan(0);
  await page.screenshot({ path: `${SCREENSHOTS}search.png` });
  await expectAccessible(page);
});

it('narrows results with a facet checkbox, and the back button undoes it', async () => {
  const before = await page.locator('main h2 a').count();
  const verdict = page.getByRole('group', { name: 'Verdict' }).getByLabel(/^Worked \(\d+\)$/);
  const expected = Number((await verdict.evaluate((input) => (input as HTMLInputElement).labels![0]!.textContent))!.match(/\((\d+)\)/)![1]);
  await verdict.click();
  await page.waitForURL(/verdicts=WORKED/);
  await expect.poll(() => page.locator('main h2 a').count()).toBe(expected);
  expect(expected).toBeLessThanOrEqual(before);
  await page.goBack();
  await page.waitForURL((url) => !url.searchParams.has('verdicts'));
  await expect.poll(() => page.locator('main h2 a').count()).toBe(before);
  await page.goForward();
  await page.waitForURL(/verdicts=WORKED/);
});

it('opens an experiment with its outcomes, measures and JSON-LD', async () => {
  const first = page.locator('main h2 a').first();
  const title = (await first.textContent())!;
  await first.click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  await page.getByRole('heading', { name: 'Outcomes' }).waitFor();
  expect(await page.locator('main .govuk-tag').first().textContent()).toBe('Worked');
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd).toMatchObject({ '@type': 'Project', name: title });
  await page.screenshot({ path: `${SCREENSHOTS}experiment.png`, fullPage: true });
  await expectAccessible(page);
});

it("opens the lead council's page with its profile and experiments", async () => {
  const title = (await page.locator('h1').textContent())!;
  await page.locator('.govuk-caption-l a').click();
  await page.getByRole('heading', { name: 'Experiments' }).waitFor();
  expect(await page.locator('dt:has-text("GSS code") + dd').textContent()).toMatch(/^[ENSW]\d{8}$/);
  await expect.poll(() => page.locator('main ul.govuk-list a').allTextContents()).toContain(title);
  await page.screenshot({ path: `${SCREENSHOTS}organisation.png`, fullPage: true });
  await expectAccessible(page);
});
