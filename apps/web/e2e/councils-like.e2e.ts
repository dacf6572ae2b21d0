import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.js';
import { activate, typeInto } from './keyboard.js';
import { closeContextsAfterEachTest, landedSignedIn } from './session.js';
import { type RunningSynapse, SCREENSHOTS, startSynapse } from './synapse.js';

// Councils like mine, on the demo data: a council page lists its statistical neighbours on the map with the
// reasons and what worked there; an experiment page says how its family fared in councils like yours.

let synapse: RunningSynapse;
// A test's own browser contexts close when it ends, even when it fails or runs out of time (see session.ts).
closeContextsAfterEachTest(() => synapse);

beforeAll(async () => {
  synapse = await startSynapse();
});

afterAll(async () => {
  await synapse?.stop();
});

async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

it('shows councils like Wigan with the reasons, on the hex map, and what worked there', async () => {
  const page = await synapse.newPage();
  await page.goto(`${synapse.base}/organisations/wigan`);
  await page.getByRole('heading', { name: 'Councils like Wigan', exact: true }).waitFor();
  const neighbours = page.getByTestId('councils-like').locator('li');
  await expect.poll(() => neighbours.count()).toBe(10);
  expect(await neighbours.first().textContent()).toMatch(/^Sefton – both metropolitan boroughs, similar population, both urban/);
  await expect.poll(() => page.locator('.synapse-hex--related').count()).toBe(10);
  const map = page.getByRole('figure', { name: /councils like Wigan/ });
  expect(await map.locator('figcaption').textContent()).toContain('Where Wigan is: Wigan; councils like Wigan: Sefton, Wirral');
  await page.getByRole('heading', { name: 'What worked in councils like Wigan' }).waitFor();
  const worked = page.getByTestId('worked-like').locator('li');
  expect(await worked.first().textContent()).toContain('Library partnerships');
  expect(await worked.first().textContent()).toContain('Worked, evidence level 3');
  await page.screenshot({ path: `${SCREENSHOTS}councils-like.png`, fullPage: true });
  await expectAccessible(page);
  await page.setViewportSize({ width: 375, height: 800 });
  expect(await fitsWidth(page)).toBe(true);
});

// Regression: the neighbours' search was asked for every council, and a combined authority (which has no
// neighbours) got an error on its page instead of none.
it('shows no neighbours section, and no error, on the page of a combined authority', async () => {
  const page = await synapse.newPage();
  await page.goto(`${synapse.base}/organisations/greater-manchester`);
  await page.getByRole('heading', { name: 'Experiments and adaptations' }).waitFor();
  await page.waitForLoadState('networkidle');
  expect(await page.getByRole('heading', { name: /Councils like/ }).count()).toBe(0);
  expect(await page.locator('.govuk-error-summary').count()).toBe(0);
});

it('tells a Wigan officer how an experiment went in councils like theirs', async () => {
  const page = await synapse.newPage();
  const email = 'pat.lee@wigan.councils.example';
  await page.goto(`${synapse.base}/sign-in`);
  await typeInto(page, page.getByLabel('Work email address'), email);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await activate(page, page.getByRole('link', { name: 'development mailbox' }));
  await activate(page, page.locator('article', { hasText: email }).first().locator('a[href*="/auth/verify"]'));
  await landedSignedIn(page);
  await page.getByRole('link', { name: 'Your account' }).waitFor();

  await page.goto(`${synapse.base}/experiments/volunteer-run-community-libraries`);
  const line = page.getByTestId('tried-like-yours');
  await line.getByText('Tried in 2 councils like yours: worked in 1, mixed results in 1.').waitFor();
  expect(await line.locator('li').allTextContents()).toEqual(['Sefton: worked', 'Sheffield: mixed results']); // nearest neighbour first
  await page.screenshot({ path: `${SCREENSHOTS}experiment-like-yours.png` });
  await expectAccessible(page);
});

it('lets anyone choose a council by a common name, and keeps the choice in the URL', async () => {
  const page = await synapse.newPage(375);
  await page.goto(`${synapse.base}/experiments/volunteer-run-community-libraries`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const line = page.getByTestId('tried-like-yours');
  await activate(page, line.locator('summary', { hasText: 'See how it went in councils like yours' }));
  await typeInto(page, page.getByLabel('Council'), 'Kirklees Council');
  // The suggestion arrives as you type; "Kirklees Council" names Kirklees through the shared matcher.
  await page.locator('#like-council-options option[value="Kirklees"]').waitFor({ state: 'attached' });
  await activate(page, page.getByRole('button', { name: 'Compare' }));
  await line.getByText('Tried in 2 councils like Kirklees: worked in 1, mixed results in 1.').waitFor();
  expect(new URL(page.url()).searchParams.get('like')).toBe('E08000034');
  expect(await fitsWidth(page)).toBe(true);
  await expectAccessible(page);
});

it('filters search to councils like a chosen council', async () => {
  const page = await synapse.newPage();
  await page.goto(`${synapse.base}/search?like=E08000010`);
  await page.getByText('Showing councils like Wigan.').waitFor();
  await page.getByText(/^About \d+ experiments?$/).waitFor();
  const titles = (await page.locator('main h2 a').allTextContents()).sort();
  expect(titles).toEqual([
    'A planning shop on the high street',
    'Free bulky waste collections to prevent fly-tipping',
    'Lending tablets with data to get people online',
    'Library partnerships: community groups and paid staff sharing each branch',
    'Volunteer-run community libraries',
  ]);
  await expectAccessible(page);
});
