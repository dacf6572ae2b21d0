import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessible } from './accessibility.js';
import { activate, chooseRadio, tick, typeInto } from './keyboard.js';
import { closeContextsAfterEachTest, landedSignedIn, publishExperiment, signInAs, untilTakenOver } from './session.js';
import { type RunningSynapse, SCREENSHOTS, startSynapse } from './synapse.js';

// The publishing journeys: sign in through the development mailbox, publish an experiment with an outcome
// using only the keyboard and find it by search, then edit and adapt one from another council's account.
// Each test starts from its own browser context and, where it needs one, its own experiment, so any can run alone.

let synapse: RunningSynapse;
// A test's own browser contexts close when it ends, even when it fails or runs out of time (see session.ts).
closeContextsAfterEachTest(() => synapse);

const TITLE = 'Text message nudges for council tax arrears';
const PUBLISHER = 'sam.okafor@wigan.councils.example';
const ADAPTER = 'demo.editor@demo-council.example';

beforeAll(async () => {
  synapse = await startSynapse();
});

/** A new browser context's page, signed in by nobody yet. */
async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await synapse.browser.newContext({ viewport: { width: 1200, height: 900 } });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

afterAll(async () => {
  await synapse?.stop();
});

/** Signs in with the keyboard: asks for a link, opens the development mailbox, follows the newest link to this address. */
async function signIn(target: Page, email: string): Promise<void> {
  await target.goto(`${synapse.base}/`);
  await activate(target, target.getByRole('link', { name: 'Sign in' }));
  await target.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await typeInto(target, target.getByLabel('Work email address'), email);
  await target.keyboard.press('Enter');
  await target.getByRole('heading', { name: 'Check your email' }).waitFor();
  await activate(target, target.getByRole('link', { name: 'development mailbox' }));
  const link = target.locator('article', { hasText: email }).first().locator('a[href*="/auth/verify"]');
  await activate(target, link);
  await landedSignedIn(target);
  await target.getByRole('link', { name: 'Your account' }).waitFor();
}

it('signs in with a link from the development mailbox, using only the keyboard', async () => {
  const { page } = await freshPage();
  await page.goto(`${synapse.base}/sign-in`);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}sign-in.png` });
  await expectAccessible(page);
  await signIn(page, PUBLISHER);
  await activate(page, page.getByRole('link', { name: 'Your account' }));
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
  expect(await page.locator('dt:has-text("Organisation") + dd').textContent()).toBe('Wigan (Editor)');
  await page.screenshot({ path: `${SCREENSHOTS}account.png`, fullPage: true });
  await expectAccessible(page);
});

it('does not send the sign-in form, or put the address typed into it in the page address, before the app has taken the page over', async () => {
  const { page } = await freshPage();
  // The app's code is held back, so the page the server sent stays plain HTML while the address is typed.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/static\/boot-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  // (Not page.goto, which waits for the take-over.)
  await page.evaluate((url) => window.location.assign(url), `${synapse.base}/sign-in`);
  await page.waitForURL(/\/sign-in$/);
  await typeInto(page, page.getByLabel('Work email address'), PUBLISHER);
  // Whether the browser was stopped from sending it (a page that was sent away would have no answer).
  type Watched = Window & { sendingStopped?: boolean };
  await page.evaluate(() => window.addEventListener('submit', (event) => ((window as Watched).sendingStopped = event.defaultPrevented), { once: true }));
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => (window as Watched).sendingStopped)).toBe(true);
  expect(page.url()).toBe(`${synapse.base}/sign-in`);
  expect(await page.getByLabel('Work email address').inputValue()).toBe(PUBLISHER);
  release();
  await untilTakenOver(page);
  await activate(page, page.getByRole('button', { name: 'Send me a sign-in link' }));
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
});

it('ties each error to its field, and the summary link moves focus to the field', async () => {
  const { page } = await signInAs(synapse, PUBLISHER);
  await activate(page, page.getByRole('link', { name: 'Publish', exact: true }));
  await page.getByRole('heading', { name: 'Publish an experiment' }).waitFor();
  await activate(page, page.getByRole('button', { name: 'Save and continue' }));
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('govuk-error-summary'))).toBe(true);
  // In the GOV.UK voice: "Enter a title", not "Title must not be blank".
  const titleError = summary.getByRole('link', { name: /^Enter a title/ });
  expect(await titleError.getAttribute('href')).toBe('#title');
  expect(await page.locator('#title-error').textContent()).toMatch(/Enter a title/);
  await expect.poll(() => page.title()).toMatch(/^Error: /);
  await page.screenshot({ path: `${SCREENSHOTS}publish-errors.png` });
  await expectAccessible(page);
  await activate(page, titleError);
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('title');
});

it('publishes an experiment with an outcome, using only the keyboard, and finds it by search, typo and all', async () => {
  const { page } = await signInAs(synapse, PUBLISHER);
  // About: the start page asks for the basics and saves a draft.
  await activate(page, page.getByRole('link', { name: 'Publish', exact: true }));
  await page.getByRole('heading', { name: 'Publish an experiment' }).waitFor();
  await typeInto(page, page.locator('#title'), TITLE);
  await typeInto(
    page,
    page.getByLabel('Summary'),
    'We sent friendly text reminders before the first missed council tax instalment, instead of a letter after it. Fewer households fell into arrears.',
  );
  await tick(page, page.getByLabel('Finance and commissioning'));
  await activate(page, page.getByRole('button', { name: 'Save and continue' }));
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  expect(await page.locator('#about-status').textContent()).toBe('Completed');
  expect(await page.locator('#check-status').textContent()).toBe('Cannot start yet');
  await page.screenshot({ path: `${SCREENSHOTS}publish-task-list.png`, fullPage: true });
  await expectAccessible(page);

  // Problem and approach.
  await activate(page, page.getByRole('link', { name: 'Problem and approach' }));
  await typeInto(page, page.getByLabel('The problem'), 'Households who missed one instalment often lost the right to pay monthly, and arrears grew before anyone spoke to them.');
  await typeInto(page, page.getByLabel('What you tried'), 'A text message three days before each due date, with a link to set up a direct debit or call the team.');
  await activate(page, page.getByRole('button', { name: 'Save and continue' }));
  await page.getByText('Problem and approach: saved').waitFor();
  expect(await page.locator('#problem-and-approach-status').textContent()).toBe('Completed');

  // Places: typed, chosen from the suggestions, added with Enter.
  await activate(page, page.getByRole('link', { name: 'Places and partners' }));
  for (const council of ['Wigan', 'Bolton']) {
    await typeInto(page, page.getByLabel('Add a council where it ran'), council);
    // Suggestions come from the API after a short pause in typing: allow for a busy machine.
    await expect
      .poll(() => page.locator('#place-options option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)), { timeout: 10_000 })
      .toContain(council);
    await page.keyboard.press('Enter');
    await page.locator('dl[aria-label="Places"] dt', { hasText: council }).waitFor();
  }
  expect(await page.locator('dl[aria-label="Places"] dt').allTextContents()).toEqual(['Wigan', 'Bolton']);
  await activate(page, page.getByRole('button', { name: 'Save and continue' }));
  await page.getByText('Places and partners: saved').waitFor();

  // An outcome with one measure, before and after.
  await activate(page, page.getByRole('link', { name: 'Outcomes' }));
  await activate(page, page.getByRole('link', { name: 'Add an outcome' }));
  await typeInto(page, page.getByLabel('Headline'), 'Fewer households fell into arrears');
  await chooseRadio(page, page.getByLabel('Worked', { exact: true }));
  await chooseRadio(page, page.getByLabel('Level 2', { exact: true }));
  await chooseRadio(page, page.getByLabel('Before and after comparison'));
  await typeInto(page, page.getByLabel('What you measured'), 'Households in arrears after the first instalment');
  await typeInto(page, page.getByLabel('Unit (optional)'), '%');
  await typeInto(page, page.getByLabel('Before', { exact: true }), '11.5');
  await typeInto(page, page.getByLabel('After', { exact: true }), '8.2');
  await chooseRadio(page, page.getByLabel('Lower is better'));
  // The GOV.UK date input: day, month and year boxes, reached and typed with the keyboard.
  const reported = page.getByRole('group', { name: 'Date reported (optional)' });
  await typeInto(page, reported.getByLabel('Day'), '27');
  await typeInto(page, reported.getByLabel('Month'), '3');
  await typeInto(page, reported.getByLabel('Year'), '2025');
  // Which way is better is the editor's answer, never preselected: the other measure-less checks stay quiet.
  expect(await page.locator('#figure-warnings').count()).toBe(0);
  await page.screenshot({ path: `${SCREENSHOTS}publish-outcome.png`, fullPage: true });
  await expectAccessible(page);
  await activate(page, page.getByRole('button', { name: 'Save outcome' }));
  await page.getByRole('heading', { name: 'Fewer households fell into arrears' }).waitFor();
  await activate(page, page.getByRole('link', { name: 'Continue' }));

  // Check answers, then publish.
  await activate(page, page.getByRole('link', { name: 'Check answers and publish' }));
  await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
  expect(await page.locator('dt:has-text("Places") + dd').textContent()).toBe('Bolton, Wigan');
  await page.screenshot({ path: `${SCREENSHOTS}publish-check-answers.png`, fullPage: true });
  await expectAccessible(page);
  await activate(page, page.getByRole('button', { name: 'Publish experiment' }));
  await page.getByText('Your experiment is published').waitFor();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  expect(await page.locator('main .govuk-tag').first().textContent()).toBe('Worked');
  await page.getByText('Reported 27 March 2025.').waitFor();
  expect(await page.locator('.synapse-measure').textContent()).toContain('Before 11.5%, after 8.2%. Better: down 3.3 percentage points (lower is better)');
  expect(await page.locator('.synapse-measure svg rect').count()).toBe(2);
  // The hex layout loads after the page: look again until it has drawn (it was read too early under load).
  await expect.poll(() => page.locator('.synapse-hex--marked').evaluateAll((hexes) => hexes.map((hex) => hex.getAttribute('data-gss')).sort())).toEqual(['E08000001', 'E08000010']);
  await page.screenshot({ path: `${SCREENSHOTS}published.png`, fullPage: true });
  await expectAccessible(page);

  await page.goto(`${synapse.base}/`);
  await typeInto(page, page.getByLabel(/Has anyone tried it/), 'council tax arears texts');
  await page.keyboard.press('Enter');
  await page.getByText(/^About \d+ experiments?$/).waitFor();
  // Publishing reaches the search engine within a second or so: look again until it has.
  await expect
    .poll(
      async () => {
        const titles = await page.locator('main h2 a').allTextContents();
        if (!titles.includes(TITLE)) await page.reload();
        return titles;
      },
      { timeout: 15_000, interval: 500 },
    )
    .toContain(TITLE);
});

it('warns when someone else saved first, and keeps what was typed', async () => {
  const publisher = await signInAs(synapse, PUBLISHER);
  const { page } = publisher;
  const title = 'Council tax reminders by text: costs compared';
  const { slug } = await publishExperiment(publisher, { title });
  await page.goto(`${synapse.base}/experiments/${slug}`);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const experimentUrl = page.url();
  await page.getByRole('link', { name: 'Edit this experiment' }).click();
  const editUrl = page.url();
  expect(editUrl).toMatch(/\/edit$/);
  await page.getByRole('link', { name: 'Costs' }).click();
  await page.getByLabel('How it was funded (optional)').fill('Revenues service budget');

  // A colleague saves the same section in another tab first.
  const colleague = await publisher.context.newPage();
  await colleague.goto(`${editUrl}/costs`);
  await colleague.getByLabel('Actual cost in pounds (optional)').fill('4200');
  await colleague.getByRole('button', { name: 'Save and continue' }).click();
  await colleague.getByText('Costs: saved').waitFor();
  await colleague.close();

  await page.getByRole('button', { name: 'Save and continue' }).click();
  // Their change to a field of this section conflicts: the alert takes focus and shows theirs beside this page's.
  await page.getByText('Someone else changed this section while you were editing it').waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('conflict');
  const comparison = page.locator('#conflict .govuk-summary-card', { hasText: 'Actual cost in pounds (optional)' });
  expect(await comparison.locator('dt:has-text("Their change") + dd').textContent()).toBe('4200');
  expect(await comparison.locator('dt:has-text("Your change") + dd').textContent()).toBe('(left empty)');
  expect(await page.getByLabel('How it was funded (optional)').inputValue()).toBe('Revenues service budget');
  await page.screenshot({ path: `${SCREENSHOTS}publish-conflict.png`, fullPage: true });
  await expectAccessible(page);
  // Saving again, knowingly, replaces their version with this page's answers.
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByText('Costs: saved').waitFor();
  await page.goto(experimentUrl);
  await page.locator('dt:has-text("Funding") + dd').waitFor();
  expect(await page.locator('dt:has-text("Funding") + dd').textContent()).toBe('Revenues service budget');
  expect(await page.locator('dt:has-text("Actual cost")').count()).toBe(0);
});

it('adapts it from another council’s account, and the family shows both', async () => {
  const publisher = await signInAs(synapse, PUBLISHER);
  const { page } = publisher;
  const ADAPTED_TITLE = 'Text message nudges before the first missed instalment';
  const { slug } = await publishExperiment(publisher, { title: ADAPTED_TITLE });
  const { context: adapter, page: other } = await freshPage();
  await signIn(other, ADAPTER);
  await other.goto(`${synapse.base}/experiments/${slug}`);
  await other.getByRole('button', { name: `Follow ${ADAPTED_TITLE}` }).click();
  await other.getByRole('button', { name: `Stop following ${ADAPTED_TITLE}` }).waitFor();
  const experimentPage = other.url();
  await other.getByRole('link', { name: 'Your account' }).click();
  await other.getByRole('link', { name: ADAPTED_TITLE }).waitFor();
  await other.getByRole('button', { name: 'Stop following this' }).click();
  await other.getByText(/^Nothing yet\. Follow experiments/).waitFor();
  await other.goto(experimentPage);
  await other.getByRole('button', { name: `Follow ${ADAPTED_TITLE}` }).waitFor();
  await other.getByRole('link', { name: /^Adapt this for/ }).click();
  await other.getByRole('heading', { name: /^Adapt this for Demo Council/ }).waitFor();
  await other.getByRole('button', { name: 'Start my version' }).click();
  await other.getByRole('link', { name: /Enter what will be different/ }).waitFor();
  await expectAccessible(other);
  await other.getByLabel('What will be different, and why?').fill('A mostly rural district: texts go out a week ahead, and the team phones anyone who does not reply.');
  await other.screenshot({ path: `${SCREENSHOTS}fork.png`, fullPage: true });
  await other.getByRole('button', { name: 'Start my version' }).click();
  await other.getByText('Your own version has been started').waitFor();
  expect(await other.getByText(`Adapted from ${ADAPTED_TITLE} by Wigan.`).count()).toBe(1);
  // The write-up is theirs to give: the about and problem sections start empty.
  await other.getByRole('link', { name: 'About the experiment' }).click();
  await other.getByLabel('Summary').fill('A rural district’s version: texts a week ahead, then a phone call.');
  await other.getByRole('button', { name: 'Save and continue' }).click();
  await other.getByRole('link', { name: 'Problem and approach' }).click();
  await other.getByLabel('The problem here').fill('Arrears build up in villages far from the council offices.');
  await other.getByLabel('What we are changing').fill('Texts go out a week ahead, and the team phones anyone who does not reply.');
  await other.getByRole('button', { name: 'Save and continue' }).click();
  await other.getByRole('link', { name: 'Check answers and publish' }).click();
  await other.getByRole('button', { name: 'Publish experiment' }).click();
  await other.getByText('Your experiment is published').waitFor();
  await other.getByRole('heading', { name: 'What Demo Council (demonstration) changed' }).waitFor();
  await other.getByRole('heading', { name: 'Every place that tried it' }).waitFor();
  const family = await other.locator('.synapse-lineage').first().textContent();
  expect(family).toContain(`${ADAPTED_TITLE} (Wigan)`);
  expect(family).toContain('– this experiment');
  await other.screenshot({ path: `${SCREENSHOTS}fork-published.png`, fullPage: true });
  await expectAccessible(other);

  // The original's team hears about it. Notifications fan out through the job queue, so the
  // page is opened again until the worker has delivered this one (the page shows what exists when it loads).
  await expect
    .poll(
      async () => {
        await page.goto(`${synapse.base}/notifications`);
        await page.getByRole('heading', { name: 'Notifications' }).waitFor();
        await page.locator('.synapse-notification, main p:has-text("Nothing yet.")').first().waitFor();
        return page.locator('.synapse-notification').allTextContents();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toEqual(expect.arrayContaining([expect.stringMatching(/Demo Council/)]));
  await page.screenshot({ path: `${SCREENSHOTS}notifications.png`, fullPage: true });
  await expectAccessible(page);
  await adapter.close();
});

it('lets someone from an unknown domain ask to join, and an admin approve them', async () => {
  const newcomer = await synapse.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const newcomerPage = await newcomer.newPage();
  await signIn(newcomerPage, 'rhiannon@consultancy.example');
  await newcomerPage.getByRole('link', { name: 'Your account' }).click();
  await newcomerPage.getByRole('heading', { name: 'Your account' }).waitFor();
  // Typed before React takes the page over, the name would never reach the suggestions' query.
  await untilTakenOver(newcomerPage);
  expect(await newcomerPage.locator('dt:has-text("Organisation") + dd').textContent()).toBe('None yet');
  expect(await newcomerPage.getByRole('link', { name: 'Publish', exact: true }).count()).toBe(0);
  // Choosing from the suggestions fills in the organisation's full name.
  await newcomerPage.getByLabel('Your organisation').fill('Demo Council');
  await newcomerPage.getByRole('button', { name: 'Ask to join' }).click();
  await newcomerPage.getByRole('link', { name: 'Choose your organisation from the list' }).waitFor();
  await expect.poll(() => newcomerPage.locator('#organisation-options option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toContain(
    'Demo Council (demonstration)',
  );
  await newcomerPage.getByLabel('Your organisation').fill('Demo Council (demonstration)');
  await newcomerPage.getByRole('button', { name: 'Ask to join' }).click();
  await newcomerPage.getByText('Request sent to Demo Council (demonstration)').waitFor();
  await expectAccessible(newcomerPage);

  const admin = await synapse.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const adminPage = await admin.newPage();
  await signIn(adminPage, ADAPTER);
  await adminPage.goto(`${synapse.base}/organisations/demo-council/manage`);
  await adminPage.getByRole('button', { name: 'Approve rhiannon' }).click();
  await adminPage.getByText('No requests waiting.').waitFor();
  // Members' email addresses are private to them, so the admin sees the name.
  await expect.poll(() => adminPage.getByLabel('Role of Rhiannon').inputValue()).toBe('MEMBER');
  await admin.close();

  await newcomerPage.reload();
  await expect.poll(() => newcomerPage.locator('dt:has-text("Organisation") + dd').textContent()).toBe('Demo Council (demonstration) (Member)');
  await newcomer.close();
});

it('lets an organisation admin create and revoke a partner API key', async () => {
  const admin = await synapse.browser.newContext({ viewport: { width: 1200, height: 900 } });
  const adminPage = await admin.newPage();
  await signIn(adminPage, ADAPTER);
  await adminPage.getByRole('link', { name: 'Your account' }).click();
  await adminPage.getByRole('link', { name: /^Manage Demo Council/ }).click();
  await adminPage.getByRole('heading', { name: /^Manage Demo Council/ }).waitFor();
  await adminPage.getByLabel('Create a key').fill('Research database sync');
  await adminPage.getByRole('button', { name: 'Create key' }).click();
  const secret = (await adminPage.getByTestId('api-key-secret').textContent())!;
  expect(secret).toMatch(/^syn_/);
  const response = await fetch(`${synapse.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: '{ experiments(first: 1) { totalCount } }' }),
  });
  expect(((await response.json()) as { data: { experiments: { totalCount: number } } }).data.experiments.totalCount).toBeGreaterThan(0);
  await adminPage.screenshot({ path: `${SCREENSHOTS}manage-organisation.png`, fullPage: true });
  await expectAccessible(adminPage);
  // Revoking asks first, then the secret leaves the screen.
  await adminPage.getByRole('button', { name: 'Revoke Research database sync' }).click();
  await adminPage.getByRole('button', { name: 'Yes, revoke Research database sync' }).click();
  await adminPage.getByText('Revoked').waitFor();
  expect(await adminPage.getByTestId('api-key-secret').count()).toBe(0);
  const refused = await fetch(`${synapse.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: '{ experiments(first: 1) { totalCount } }' }),
  });
  expect(refused.status).toBe(401);
  await admin.close();
});
