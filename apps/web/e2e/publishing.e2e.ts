import { afterAll, beforeAll, expect, it } from 'vitest';
import { typeInto } from './keyboard.js';
import { closeContextsAfterEachTest, expectAccessibleAtBothWidths, publishExperiment, signInAs, signInLinkFor } from './session.js';
import { type RunningSynapse, SCREENSHOTS, startSynapse } from './synapse.js';

// Publishing that a council can stand behind: honest adaptation, correcting and withdrawing what is published,
// conflicts at the grain of a section, signing in from a page, and the page basics. Each test makes its own
// data through the API, so any one of them runs alone.

let synapse: RunningSynapse;
// A test's own browser contexts close when it ends, even when it fails or runs out of time (see session.ts).
closeContextsAfterEachTest(() => synapse);

beforeAll(async () => {
  synapse = await startSynapse();
});

afterAll(async () => {
  await synapse?.stop();
});

const ADAPTER = 'demo.editor@demo-council.example';

it('adapts another council’s experiment in its own words, and refuses to publish an unchanged copy', async () => {
  const wigan = await signInAs(synapse, 'fatima.hussain@wigan.councils.example');
  const original = await publishExperiment(wigan, { title: 'Phone calls before council tax arrears' });
  const wiganSummary = 'Officers phoned every household a week before the first missed payment. Far fewer fell behind.';
  const { page } = await signInAs(synapse, ADAPTER);

  await page.goto(`${synapse.base}/experiments/${original.slug}`);
  await page.getByRole('link', { name: 'Adapt this for Demo Council (demonstration)' }).click();
  await page.getByLabel('What will be different, and why?').fill('A rural district: calls from the local hub, not the revenues office.');
  await page.getByRole('button', { name: 'Start my version' }).click();
  await page.getByText('Your own version has been started').waitFor();

  // The original's words are kept beside each own-words question; the answers start empty.
  await page.getByRole('link', { name: 'About the experiment' }).click();
  await page.getByText('What Wigan wrote, for reference').first().waitFor();
  expect(await page.getByLabel('Summary').inputValue()).toBe('');
  await expectAccessibleAtBothWidths(page, `${SCREENSHOTS}adapt-own-words`);
  await page.getByLabel('Summary').fill(wiganSummary); // pasted, unchanged
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('link', { name: 'Problem and approach' }).click();
  await page.getByLabel('The problem here').fill('Arrears build up in villages far from the council offices.');
  await page.getByLabel('What we are changing').fill('Calls come from the village hub team, who know the households.');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('link', { name: 'Check answers and publish' }).click();
  await page.getByRole('button', { name: 'Publish experiment' }).click();

  const refusal = page.getByRole('link', { name: 'Summary is the same as the original’s: write it for Demo Council (demonstration)' });
  await refusal.waitFor();
  await expect.poll(() => page.title()).toMatch(/^Error: /);
  await expectAccessibleAtBothWidths(page, `${SCREENSHOTS}adapt-unchanged-refused`);
  await refusal.click();
  await page.getByLabel('Summary').fill('Demo Council’s hub team phones households in outlying villages before a payment is missed.');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByRole('link', { name: 'Check answers and publish' }).click();
  await page.getByRole('button', { name: 'Publish experiment' }).click();
  await page.getByText('Your experiment is published').waitFor();
  await page.getByText('Demo Council (demonstration) adapted this from Phone calls before council tax arrears by Wigan.').waitFor();
  await expectAccessibleAtBothWidths(page, `${SCREENSHOTS}adapt-published`);

  // Adapting it a second time warns, and links the adaptation already made.
  await page.goto(`${synapse.base}/experiments/${original.slug}/adapt`);
  await page.getByText('Your council has already adapted this').waitFor();
  expect(await page.getByRole('link', { name: '“Phone calls before council tax arrears”' }).count()).toBe(1);
  await expectAccessibleAtBothWidths(page);
  await wigan.context.close();
  await page.context().close();
});

it('corrects a published outcome, flagging implausible figures without blocking, and asks before removing one', async () => {
  const wigan = await signInAs(synapse, 'owen.price@wigan.councils.example');
  const experiment = await publishExperiment(wigan, { title: 'Payment plans offered by text' });
  await wigan.graphql(
    `mutation($id: ID!) { addOutcome(experimentId: $id, input: { title: "More households kept up payments", verdict: WORKED,
      evaluationDesign: BEFORE_AFTER, evidenceLevel: 2, measures: [{ name: "Households paying on time", unit: "%", baseline: 41, result: 97, goodDirection: UP }] }) { id } }`,
    { id: experiment.id },
  );
  const { page } = wigan;
  await page.goto(`${synapse.base}/experiments/${experiment.slug}/edit/outcomes`);
  await page.getByRole('link', { name: 'Change More households kept up payments' }).click();
  await page.getByRole('heading', { name: 'Change this outcome' }).waitFor();
  await page.getByLabel('After', { exact: true }).fill('1234.5');
  await page.locator('#figure-warnings').getByText('the after figure is 1,234.5%, outside 0 to 100').waitFor();
  await expectAccessibleAtBothWidths(page, `${SCREENSHOTS}outcome-edit-warning`);
  await page.getByLabel('After', { exact: true }).fill('79');
  expect(await page.locator('#figure-warnings').count()).toBe(0);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Outcomes' }).waitFor();

  // Remove asks first; Cancel keeps the outcome.
  await page.getByRole('button', { name: 'Remove More households kept up payments' }).click();
  await page.getByRole('button', { name: 'Yes, remove More households kept up payments' }).waitFor();
  await expectAccessibleAtBothWidths(page);
  await page.getByRole('button', { name: 'Cancel' }).click();

  await page.goto(`${synapse.base}/experiments/${experiment.slug}`);
  const measure = page.locator('.synapse-measure');
  await measure.waitFor();
  expect(await measure.textContent()).toContain('Before 41%, after 79%. Better: up 38 percentage points');
  await wigan.context.close();
});

it('withdraws a published experiment with a reason that readers see', async () => {
  const wigan = await signInAs(synapse, 'grace.lee@wigan.councils.example');
  const experiment = await publishExperiment(wigan, { title: 'Debt advice in GP surgeries' });
  const { page } = wigan;
  await page.goto(`${synapse.base}/experiments/${experiment.slug}/edit`);
  await page.getByRole('link', { name: 'Withdraw this experiment' }).click();
  await page.getByRole('button', { name: 'Withdraw experiment' }).click();
  await page.getByRole('link', { name: 'Enter why you are withdrawing this experiment' }).waitFor();
  await expect.poll(() => page.title()).toBe('Error: Withdraw Debt advice in GP surgeries – Synapse');
  await expectAccessibleAtBothWidths(page, `${SCREENSHOTS}withdraw-error`);
  await page.getByLabel('Why are you withdrawing it?').fill('Wrong.');
  await page.getByRole('button', { name: 'Withdraw experiment' }).click();
  await page.getByRole('link', { name: 'Why you are withdrawing it must be 10 characters or more' }).waitFor();
  const reason = 'The surgeries’ referral counts included people referred twice; corrected figures will follow.';
  await page.getByLabel('Why are you withdrawing it?').fill(reason);
  await page.getByRole('button', { name: 'Withdraw experiment' }).click();
  await page.getByText(/^Wigan withdrew this experiment on /).waitFor();

  // A reader who is not signed in sees it too.
  const reader = await synapse.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const readerPage = await reader.newPage();
  await readerPage.goto(`${synapse.base}/experiments/${experiment.slug}`);
  await readerPage.getByText(reason).waitFor();
  // The public change history says so too, without naming anyone.
  await readerPage.getByText('Changes to this page').click();
  expect(await readerPage.locator('#history li').first().textContent()).toMatch(/^\d{1,2} \w+ \d{4}: started at the idea stage; published; withdrawn$/);
  await expectAccessibleAtBothWidths(readerPage, `${SCREENSHOTS}withdrawn`);
  await reader.close();
  await wigan.context.close();
});

it('merges two people saving different sections, and the same section conflicts with an alert that takes focus', async () => {
  const amina = await signInAs(synapse, 'amina.begum@wigan.councils.example');
  const ben = await signInAs(synapse, 'ben.carter@wigan.councils.example');
  const experiment = await publishExperiment(amina, { title: 'Shared lives for young carers' });
  const edit = `${synapse.base}/experiments/${experiment.slug}/edit`;

  // Different sections, opened at the same version: both save.
  await amina.page.goto(`${edit}/about`);
  await ben.page.goto(`${edit}/problem-and-approach`);
  await amina.page.getByLabel('Summary').fill('Amina’s summary: young carers matched with a shared lives family.');
  await ben.page.getByLabel('The problem').fill('Ben’s problem: young carers miss school when a parent is unwell.');
  await amina.page.getByRole('button', { name: 'Save and continue' }).click();
  await amina.page.getByText('About the experiment: saved').waitFor();
  await ben.page.getByRole('button', { name: 'Save and continue' }).click();
  await ben.page.getByText('Problem and approach: saved').waitFor();
  const saved = await amina.graphql<{ experiment: { summary: string; problem: string } }>('query($id: ID) { experiment(id: $id) { summary problem } }', { id: experiment.id });
  expect(saved.experiment).toEqual({
    summary: 'Amina’s summary: young carers matched with a shared lives family.',
    problem: 'Ben’s problem: young carers miss school when a parent is unwell.',
  });

  // The same section: the second save is stopped, and told what the first changed.
  await amina.page.goto(`${edit}/about`);
  await ben.page.goto(`${edit}/about`);
  await amina.page.getByLabel('Summary').fill('Amina’s second summary.');
  await ben.page.getByLabel('Summary').fill('Ben’s summary.');
  await amina.page.getByRole('button', { name: 'Save and continue' }).click();
  await amina.page.getByText('About the experiment: saved').waitFor();
  await ben.page.getByRole('button', { name: 'Save and continue' }).click();
  await ben.page.getByText('Someone else changed this section while you were editing it').waitFor();
  await expect.poll(() => ben.page.evaluate(() => document.activeElement?.id)).toBe('conflict');
  const card = ben.page.locator('#conflict .govuk-summary-card', { hasText: 'Summary' });
  expect(await card.locator('dt:has-text("Their change") + dd').textContent()).toBe('Amina’s second summary.');
  expect(await card.locator('dt:has-text("Your change") + dd').textContent()).toBe('Ben’s summary.');
  await expectAccessibleAtBothWidths(ben.page, `${SCREENSHOTS}section-conflict`);
  await amina.context.close();
  await ben.context.close();
});

it('takes dates in the GOV.UK day, month and year boxes, and says which box is wrong', async () => {
  const wigan = await signInAs(synapse, 'grace.okafor@wigan.councils.example');
  const experiment = await publishExperiment(wigan, { title: 'Warm spaces in libraries' });
  const { page } = wigan;
  await page.goto(`${synapse.base}/experiments/${experiment.slug}/edit/about`);
  const start = page.getByRole('group', { name: 'Start date (optional)' });
  const end = page.getByRole('group', { name: 'End date (optional)' });
  await start.getByText('For example, 27 3 2025').waitFor();
  // 31 February cannot be; the end date lacks its day.
  await typeInto(page, start.getByLabel('Day'), '31');
  await typeInto(page, start.getByLabel('Month'), '2');
  await typeInto(page, start.getByLabel('Year'), '2025');
  await typeInto(page, end.getByLabel('Month'), '4');
  await typeInto(page, end.getByLabel('Year'), '2025');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  const summary = page.locator('.govuk-error-summary');
  expect(await summary.getByRole('link', { name: 'Start date must be a real date' }).getAttribute('href')).toBe('#startDate-day');
  expect(await summary.getByRole('link', { name: 'End date must include a day' }).getAttribute('href')).toBe('#endDate-day');
  expect(await page.locator('#startDate-error').textContent()).toContain('Start date must be a real date');
  const marked = (id: string) => page.locator(`#${id} .govuk-input--error`).evaluateAll((inputs) => inputs.map((input) => input.id));
  expect(await marked('startDate')).toEqual(['startDate-day', 'startDate-month', 'startDate-year']);
  expect(await marked('endDate')).toEqual(['endDate-day']); // only the box at fault
  await expectAccessibleAtBothWidths(page, `${SCREENSHOTS}date-errors`);
  await summary.getByRole('link', { name: 'End date must include a day' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('endDate-day');

  await page.keyboard.type('30');
  // An end before the start and a blank title: both at once, as the API would say them.
  await start.getByLabel('Day').fill('1');
  await start.getByLabel('Month').fill('5');
  await page.getByLabel('Title').fill(' ');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect
    .poll(() => summary.getByRole('listitem').allTextContents())
    .toEqual(['Enter a title', 'End date must be the same as or after the start date']);
  expect(await marked('endDate')).toEqual(['endDate-day', 'endDate-month', 'endDate-year']);

  await page.getByLabel('Title').fill('Warm spaces in libraries');
  await start.getByLabel('Month').fill('March'); // months in words are taken too
  await start.getByLabel('Year').fill('2024');
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.getByText('About the experiment: saved').waitFor();
  const saved = await wigan.graphql<{ experiment: { startDate: string; endDate: string } }>('query($id: ID) { experiment(id: $id) { startDate endDate } }', { id: experiment.id });
  expect(saved.experiment).toEqual({ startDate: '2024-03-01', endDate: '2025-04-30' });
  await page.goto(`${synapse.base}/experiments/${experiment.slug}`);
  await page.getByText('1 March 2024 to 30 April 2025').first().waitFor();
  await page.goto(`${synapse.base}/experiments/${experiment.slug}/edit/about`);
  await expect.poll(() => start.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['1', '3', '2024']);
  await wigan.context.close();
});

it('shows every mistake in an outcome at once, on the first submit, and sends nothing until they are put right', async () => {
  const wigan = await signInAs(synapse, 'dev.shah@wigan.councils.example');
  const experiment = await publishExperiment(wigan, { title: 'Social prescribing through GP surgeries' });
  const { page } = wigan;
  await page.goto(`${synapse.base}/experiments/${experiment.slug}/edit/outcomes/new`);
  await page.getByLabel('Headline').fill('No');
  const reported = page.getByRole('group', { name: 'Date reported (optional)' });
  await reported.getByLabel('Day').fill('31');
  await reported.getByLabel('Month').fill('2');
  await reported.getByLabel('Year').fill('2025');
  await page.getByLabel('Before', { exact: true }).fill('about 40');
  await page.getByLabel('After', { exact: true }).fill('12');
  await page.getByRole('button', { name: 'Save outcome' }).click();

  const links = page.locator('.govuk-error-summary a');
  await links.first().waitFor();
  const listed = await links.evaluateAll((all) => all.map((link) => [link.textContent, link.getAttribute('href')]));
  expect(listed).toEqual([
    ['Headline must be 3 characters or more', '#title'],
    ['Select what you concluded', '#verdict'],
    ['Select how strong the evidence is', '#evidenceLevel'],
    ['Select how you evaluated it', '#evaluationDesign'],
    ['Date reported must be a real date', '#reportedOn-day'],
    ['Enter what you measured', '#measures.0.name'],
    ['Before must be a number, like 42.5', '#measures.0.baseline'],
    ['Select which way is better for this measure', '#measures.0.goodDirection'],
  ]);
  await expect.poll(() => page.title()).toMatch(/^Error: /);
  await expectAccessibleAtBothWidths(page, `${SCREENSHOTS}outcome-all-errors`);
  const outcomes = async () =>
    (await wigan.graphql<{ experiment: { outcomes: unknown[] } }>('query($id: ID) { experiment(id: $id) { outcomes { id } } }', { id: experiment.id })).experiment.outcomes;
  expect(await outcomes()).toEqual([]);

  await page.getByLabel('Headline').fill('More people joined community groups');
  await page.getByLabel('Worked', { exact: true }).check();
  await page.getByLabel('Level 1', { exact: true }).check();
  await page.getByLabel('Before and after comparison').check();
  await reported.getByLabel('Day').fill('28');
  await page.getByLabel('What you measured').fill('People in a community group after 3 months');
  await page.getByLabel('Before', { exact: true }).fill('40');
  await page.getByLabel('Higher is better').check();
  await page.getByRole('button', { name: 'Save outcome' }).click();
  await page.getByRole('heading', { level: 1, name: 'Outcomes' }).waitFor();
  expect(await outcomes()).toHaveLength(1);
  await wigan.context.close();
});

it('signs in from an experiment and lands back on it', async () => {
  const wigan = await signInAs(synapse, 'ruth.ng@wigan.councils.example');
  const experiment = await publishExperiment(wigan, { title: 'Warm spaces in libraries' });
  await wigan.context.close();
  const visitor = await synapse.browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await visitor.newPage();
  await page.goto(`${synapse.base}/experiments/${experiment.slug}`);
  await page.locator('.synapse-actions').getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Work email address').fill('lee.ward@wigan.councils.example');
  await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await page.goto(await signInLinkFor(synapse, 'lee.ward@wigan.councils.example'));
  await page.getByRole('heading', { level: 1, name: 'Warm spaces in libraries' }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/experiments/${experiment.slug}`);
  // At 375 px the navigation folds behind the Menu button.
  await page.getByRole('button', { name: /^Menu/ }).click();
  await page.getByRole('link', { name: 'Your account' }).waitFor();
  await visitor.close();
});

it('answers an unknown address with HTTP 404 and GOV.UK’s page not found, and links the service’s own pages in the footer', async () => {
  const visitor = await synapse.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await visitor.newPage();
  const response = await page.goto(`${synapse.base}/experiments/no-such-experiment/nothing-here`);
  expect(response?.status()).toBe(404);
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  expect(await page.title()).toBe('Page not found – Synapse');
  await page.getByText('This is a new service').waitFor();
  await expectAccessibleAtBothWidths(page, `${SCREENSHOTS}not-found`);
  for (const [link, heading] of [
    ['Accessibility statement', 'Accessibility statement for Synapse'],
    ['Privacy', 'Privacy notice'],
    ['Cookies', 'Cookies'],
    ['Contact', 'Contact Synapse'],
  ]) {
    await page.locator('footer').getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await expectAccessibleAtBothWidths(page);
  }
  await page.getByRole('link', { name: 'API', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Synapse API for developers' }).waitFor();
  expect(await page.getByRole('link', { name: 'Try queries in the GraphQL explorer' }).getAttribute('href')).toBe('/graphql');
  await expectAccessibleAtBothWidths(page, `${SCREENSHOTS}developers`);
  await visitor.close();
});

it('lets a member set the name and job title others see', async () => {
  const { page, context } = await signInAs(synapse, 'jo.bloggs@wigan.councils.example');
  await page.getByRole('link', { name: 'Your account' }).click();
  expect(await page.locator('dt:has-text("Name") + dd').textContent()).toBe('Jo Bloggs');
  await page.getByRole('button', { name: 'Change your name' }).click();
  await page.getByLabel('Your name').fill('');
  await page.getByRole('button', { name: 'Save your details' }).click();
  await page.getByRole('link', { name: 'Enter your name' }).waitFor();
  await expectAccessibleAtBothWidths(page, `${SCREENSHOTS}account-name-error`);
  await page.getByLabel('Your name').fill('Joanna Bloggs');
  await page.getByLabel('Job title (optional)').fill('Revenues and benefits manager');
  await page.getByRole('button', { name: 'Save your details' }).click();
  await expect.poll(() => page.locator('dt:has-text("Job title") + dd').textContent()).toBe('Revenues and benefits manager');
  expect(await page.locator('dt:has-text("Name") + dd').first().textContent()).toBe('Joanna Bloggs');
  await context.close();
});

it('follows a service area from an experiment and is told when a new experiment there is published', async () => {
  const wigan = await signInAs(synapse, 'kit.morgan@wigan.councils.example');
  const first = await publishExperiment(wigan, { title: 'Tenancy sustainment calls', serviceAreas: ['housing-and-homelessness'] });
  const follower = await signInAs(synapse, 'alex.rowe@demo-council.example');
  const { page } = follower;
  await page.goto(`${synapse.base}/experiments/${first.slug}`);
  await page.getByRole('button', { name: 'Follow Housing and homelessness' }).click();
  await page.getByRole('button', { name: 'Stop following Housing and homelessness' }).waitFor();
  await expectAccessibleAtBothWidths(page, `${SCREENSHOTS}follow-service-area`);

  await publishExperiment(wigan, { title: 'Rent arrears early warning', serviceAreas: ['housing-and-homelessness'] });
  await page.goto(`${synapse.base}/notifications`);
  await expect
    .poll(
      async () => {
        const texts = await page.locator('.synapse-notification').allTextContents();
        if (!texts.some((text) => text.includes('Rent arrears early warning'))) await page.reload();
        return texts.join(' ');
      },
      { timeout: 20_000, interval: 1_000 },
    )
    .toContain('Rent arrears early warning');
  await wigan.context.close();
  await follower.context.close();
});
