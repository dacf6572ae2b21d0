import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectAccessibleAtBothWidths, publishExperiment, signInAs, type SignedIn, waitForText } from './session.js';
import { activate } from './keyboard.js';
import { type RunningSynapse, SCREENSHOTS, startSynapse } from './synapse.js';

// Saved searches: an officer saves a search with its filters (keyboard only), is offered its Atom feed, sees it
// on their account page; another council publishes a matching experiment and the officer is notified; then they
// stop the notifications. Its own Synapse and data, so it runs alone.

const SEARCH = '/search?q=lonely+older+people&serviceAreas=adult-social-care';
const SAVER = 'amira.hassan@leeds.councils.example';
const PUBLISHER = 'sam.okafor@wigan.councils.example';

let synapse: RunningSynapse;
let saver: SignedIn;

beforeAll(async () => {
  synapse = await startSynapse();
});

afterAll(async () => {
  await synapse?.stop();
});


it('someone not signed in is offered to sign in and come back to the same search', async () => {
  const page = await (await synapse.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${synapse.base}${SEARCH}`);
  const offer = page.getByRole('link', { name: 'Sign in to save this search' });
  await offer.waitFor();
  expect(await offer.getAttribute('href')).toBe(`/sign-in?returnTo=${encodeURIComponent(SEARCH)}`);
  await expectAccessibleAtBothWidths(page);
  await page.context().close();
});

it('an officer saves a search with its filters, by keyboard, and is offered its Atom feed with the same filters', async () => {
  saver = await signInAs(synapse, SAVER);
  const { page } = saver;
  await page.goto(`${synapse.base}${SEARCH}`);
  await activate(page, page.getByRole('button', { name: 'Save this search' }));
  const banner = page.getByRole('alert').filter({ hasText: 'Search saved' });
  await banner.waitFor();
  expect(await banner.textContent()).toContain('“lonely older people” · Adult social care');
  // The banner takes focus, so screen readers hear it.
  expect(await page.evaluate(() => document.activeElement?.classList.contains('govuk-notification-banner'))).toBe(true);
  const feed = await banner.getByRole('link', { name: /Atom feed/ }).getAttribute('href');
  expect(feed).toBe(`${synapse.base}/feeds/search.atom?q=lonely+older+people&serviceAreas=adult-social-care`);
  const atom = await fetch(feed!);
  expect(atom.status).toBe(200);
  expect(await atom.text()).toContain('<title>Experiments: “lonely older people” · Adult social care</title>');
  await expectAccessibleAtBothWidths(page, `${SCREENSHOTS}saved-search-saved`);

  await activate(page, page.getByRole('link', { name: 'See your saved searches' }));
  const list = page.locator('.synapse-saved-searches');
  await list.waitFor();
  expect(await list.textContent()).toContain('Service area: Adult social care');
  expect(await list.getByRole('link', { name: /Run this search/ }).getAttribute('href')).toBe(SEARCH);
  await expectAccessibleAtBothWidths(page, `${SCREENSHOTS}saved-searches-account`);
});

it('another council publishes a matching experiment and the officer is notified, in words', async () => {
  const wigan = await signInAs(synapse, PUBLISHER);
  await publishExperiment(wigan, {
    title: 'Befriending calls for lonely older people after a hospital stay',
    summary: 'Volunteers phoned older people every week for three months after they came home from hospital.',
    serviceAreas: ['adult-social-care'],
  });
  // Another publication that the saved search does not match tells the saver nothing.
  await publishExperiment(wigan, { title: 'Text reminders before bin collection days', serviceAreas: ['waste'] });
  const { page } = saver;
  await waitForText(page, `${synapse.base}/notifications`, 'It matches your saved search: “lonely older people” · Adult social care.');
  expect(await page.locator('main').textContent()).not.toContain('Text reminders before bin collection days');
  await expectAccessibleAtBothWidths(page, `${SCREENSHOTS}saved-search-notification`);
  await wigan.context.close();
});

it('the officer stops the notifications from their account page', async () => {
  const { page } = saver;
  await page.goto(`${synapse.base}/account`);
  await activate(page, page.getByRole('button', { name: /Stop notifying me/ }));
  await page.getByText('None yet. On the').waitFor();
  expect(await page.locator('.synapse-saved-searches').count()).toBe(0);
});
