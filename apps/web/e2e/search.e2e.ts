import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.js';
import { activate, tick } from './keyboard.js';
import { type RunningSynapse, SCREENSHOTS, startSynapse } from './synapse.js';

// Search as officers type it: the page says how it read the query, offers exactly what was typed, and on a
// phone puts results first with the filters behind a button. Keyboard only; every page accessible.

let synapse: RunningSynapse;
let page: Page;

beforeAll(async () => {
  synapse = await startSynapse();
  page = await (await synapse.browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
});

afterAll(async () => {
  await synapse?.stop();
});

const titles = () => page.locator('main h2 a').allTextContents();

it('says how it read a question, ranks what did not work first, and searches exactly what was typed on request', async () => {
  await page.goto(`${synapse.base}/search?${new URLSearchParams({ q: "what didn't work for fly-tipping" })}`);
  const reading = page.getByRole('region', { name: 'How your search was read' });
  await reading.getByText('Showing failed, mixed and stopped results first').waitFor();
  await expect.poll(async () => (await titles()).slice(0, 2).sort()).toEqual(['Free bulky waste collections to prevent fly-tipping', 'Mobile cameras at fly-tipping hotspots']);
  await page.screenshot({ path: `${SCREENSHOTS}search-reading.png` });
  await expectAccessible(page);
  await activate(page, reading.getByRole('link', { name: 'Search for exactly what you typed' }));
  await page.waitForURL(/exact=1/);
  await page.getByText('Showing results for exactly what you typed.').waitFor();
  await activate(page, page.getByRole('link', { name: 'Search for what you meant instead' }));
  await page.waitForURL((url) => !url.searchParams.has('exact'));
});

it('says which words it read as others ("Including carriageway defects (potholes)")', async () => {
  await page.goto(`${synapse.base}/search?q=potholes`);
  await page.getByText('Including carriageway defects (potholes)').waitFor();
  expect((await titles())[0]).toBe('Repairing carriageway defects right first time on rural roads');
});

it('offers every useful filter, in words, without repeating nations as regions', async () => {
  await page.goto(`${synapse.base}/search?q=`);
  for (const name of ['Evidence', 'Verdict', 'Service area', 'Stage', 'Cost', 'Type of council', 'Rural or urban', 'Deprivation', 'Nation', 'Region']) {
    await page.getByRole('group', { name, exact: true }).waitFor();
  }
  await page.getByRole('group', { name: 'Nation' }).getByLabel(/^Northern Ireland \(\d+\)$/).waitFor();
  await page.getByRole('group', { name: 'Region' }).getByLabel(/^North West \(\d+\)$/).waitFor();
  expect(await page.getByRole('group', { name: 'Region' }).getByLabel(/^Wales/).count()).toBe(0);
  await expectAccessible(page);
});

it('on a phone, shows results first and opens the filters from a button, by keyboard', async () => {
  const phone = await (await synapse.browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
  await phone.goto(`${synapse.base}/search?q=potholes`);
  await phone.locator('main h2 a').first().waitFor();
  expect(await phone.locator('#search-filters').isVisible()).toBe(false);
  const toggle = phone.getByRole('button', { name: 'Show filters' });
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  await expectAccessible(phone);
  await activate(phone, toggle);
  await phone.getByRole('button', { name: 'Hide filters' }).waitFor();
  expect(await phone.locator('#search-filters').isVisible()).toBe(true);
  await tick(phone, phone.getByRole('group', { name: 'Nation' }).getByLabel(/^Scotland/));
  await phone.waitForURL(/nations=SCOTLAND/);
  await expect.poll(async () => (await phone.locator('main h2 a').allTextContents())[0]).toBe('Repairing carriageway defects right first time on rural roads');
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await phone.screenshot({ path: `${SCREENSHOTS}search-phone.png`, fullPage: true });
  await expectAccessible(phone);
});
