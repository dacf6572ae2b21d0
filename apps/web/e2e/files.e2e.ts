import type { Page } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.js';
import { landedSignedIn } from './session.js';
import { type RunningSynapse, SCREENSHOTS, startSynapse } from './synapse.js';

// Uploading a business case while publishing, then finding the experiment by a phrase inside the document.

let synapse: RunningSynapse;
let page: Page;
const TITLE = 'Shared reablement hub for hospital discharge';
const PHRASE = 'quintessential pathfinder savings';

async function businessCase(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const lines = ['Business case: shared reablement hub', `The ${PHRASE} come from fewer readmissions within 91 days.`];
  const sheet = pdf.addPage([595, 842]);
  lines.forEach((line, index) => sheet.drawText(line, { x: 50, y: 780 - index * 20, size: 12, font }));
  return Buffer.from(await pdf.save());
}

beforeAll(async () => {
  synapse = await startSynapse();
  page = await synapse.newPage();
});

afterAll(async () => {
  await synapse?.stop();
});

async function signIn(email: string): Promise<void> {
  await page.goto(`${synapse.base}/sign-in`);
  await page.getByLabel('Work email address').fill(email);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await page.getByRole('link', { name: 'development mailbox' }).click();
  await page.locator('article', { hasText: email }).first().locator('a[href*="/auth/verify"]').click();
  await landedSignedIn(page);
  await page.getByRole('link', { name: 'Your account' }).waitFor();
}

it('uploads a business case while publishing, then finds the experiment by a phrase inside it', async () => {
  await signIn('sam.okafor@wigan.councils.example');
  await page.getByRole('link', { name: 'Publish', exact: true }).click();
  await page.getByLabel('Title').fill(TITLE);
  await page.getByLabel('Summary').fill('A single team takes referrals from both hospitals and arranges reablement at home within a day.');
  await page.getByLabel('Adult social care').check();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByRole('link', { name: 'Problem and approach' }).click();
  await page.getByLabel('The problem').fill('People waited in hospital for reablement because referrals went to three different teams.');
  await page.getByLabel('What you tried').fill('One hub, one referral form, a daily call with both hospitals.');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByText('Problem and approach: saved').waitFor();

  await page.getByRole('link', { name: 'Things others can reuse' }).click();
  await page.getByRole('link', { name: 'Add something reusable' }).click();
  await page.getByLabel('Title').fill('Reablement hub business case');
  // Nothing selected yet: the error is tied to the file field.
  await page.getByRole('button', { name: 'Add it' }).click();
  expect(await page.locator('#file-error').textContent()).toContain('Select a file');
  await page.locator('#file').setInputFiles({ name: 'business-case.pdf', mimeType: 'application/pdf', buffer: await businessCase() });
  await page.getByText('Upload complete.').waitFor();
  await page.getByLabel('What it is').selectOption({ label: 'Business case' });
  await page.screenshot({ path: `${SCREENSHOTS}publish-upload.png`, fullPage: true });
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add it' }).click();
  await page.getByRole('heading', { name: 'Things others can reuse' }).waitFor();
  await page.locator('dt', { hasText: 'Reablement hub business case' }).waitFor();

  await page.goto(page.url().replace(/\/artefacts$/, ''));
  await page.getByRole('link', { name: 'Check answers and publish' }).click();
  await page.getByRole('button', { name: 'Publish experiment' }).click();
  await page.getByText('Your experiment is published').waitFor();
  const download = page.getByRole('link', { name: 'Reablement hub business case' });
  expect(await download.getAttribute('href')).toMatch(/\/files\/artefacts\//);
  await page.getByText(/business-case\.pdf, \d+ KB, version 1 of/).waitFor();

  // Text extraction and indexing run in the job queue: search until the phrase inside the PDF finds it.
  await expect
    .poll(
      async () => {
        await page.goto(`${synapse.base}/search?q=${encodeURIComponent(PHRASE)}`);
        await page.getByText(/^About \d+ experiments?$|No experiments/).first().waitFor();
        return page.locator('main h2 a').allTextContents();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toContain(TITLE);
  await page.screenshot({ path: `${SCREENSHOTS}search-inside-document.png`, fullPage: true });
  await expectAccessible(page);
});

it('uploads a new version in one step; the page lists both with dates and the link gives the latest', async () => {
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  const experimentUrl = page.url();
  await page.getByRole('link', { name: 'Edit this experiment' }).click();
  await page.getByRole('link', { name: 'Things others can reuse' }).click();
  await page.getByRole('link', { name: 'Upload a new version of Reablement hub business case' }).click();
  await page.locator('#file').setInputFiles({ name: 'business-case-v2.pdf', mimeType: 'application/pdf', buffer: await businessCase() });
  await page.getByText('Upload complete.').waitFor();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save file' }).click();
  await page.getByRole('heading', { name: 'Things others can reuse' }).waitFor();
  await page.goto(experimentUrl);
  await page.getByText(/business-case-v2\.pdf, \d+ KB, version 2 of/).waitFor();
  await page.getByText('Earlier versions of Reablement hub business case').click();
  expect(await page.getByRole('link', { name: 'Version 1: business-case.pdf' }).getAttribute('href')).toMatch(/\/versions\/1$/);
  await page.screenshot({ path: `${SCREENSHOTS}artefact-versions.png`, fullPage: true });
  await expectAccessible(page);
});
