import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, assert, beforeEach, expect } from 'vitest';
import { expectAccessible } from './accessibility.js';
import type { RunningSynapse } from './synapse.js';

/**
 * Opens `url` again and again until its main content does (or, with `present` false, no longer does) include
 * `text`: notifications, search and feeds follow a change through the job queue, so a page opened at once may
 * not show it yet.
 */
export async function waitForText(page: Page, url: string, text: string, present = true): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.goto(url);
        await page.locator('main').waitFor();
        // Read the page once its data has come (it says "Loading…" until then), not the loading message.
        await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Loading…'), null, { timeout: 10_000 }).catch(() => undefined);
        return (await page.locator('main').textContent())?.includes(text);
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe(present);
}

/**
 * Waits until a page the server rendered is taken over by React (synapse.ts does this after goto and reload; a page
 * reached by clicking a link before the take-over is loaded by the browser, and needs it too before typing into it).
 */
export async function untilTakenOver(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body?.classList.contains('synapse-hydrated') || !document.getElementById('synapse-data'));
}

/**
 * Closes, when each test ends, the browser contexts the test opened (those opened before the tests, in beforeAll,
 * stay). Vitest cannot stop a test that ran out of time: its body carries on in the background, pressing keys and
 * submitting forms beside the next tests, which then fail in turn on a busy machine. Closing its contexts ends it.
 */
export function closeContextsAfterEachTest(running: () => RunningSynapse | undefined): void {
  let before = new Set<BrowserContext>();
  beforeEach(() => {
    before = new Set(running()?.browser.contexts() ?? []);
  });
  afterEach(async () => {
    const opened = (running()?.browser.contexts() ?? []).filter((context) => !before.has(context));
    await Promise.all(opened.map((context) => context.close()));
  });
}

/** After following a sign-in link from the mailbox: waits for the page it lands on, and for React to take it over. */
export async function landedSignedIn(page: Page): Promise<void> {
  await page.waitForURL((url) => !url.pathname.startsWith('/dev/') && !url.pathname.startsWith('/auth/'));
  await untilTakenOver(page);
}

/** A browser context signed in as one person, and a way to call the API as them (for setting up a test's own data). */
export interface SignedIn {
  context: BrowserContext;
  page: Page;
  graphql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** The newest sign-in link the development mailbox holds for this address. */
export async function signInLinkFor(synapse: RunningSynapse, email: string): Promise<string> {
  const mailbox = await (await fetch(`${synapse.base}/dev/mailbox`)).text();
  const section = mailbox.slice(mailbox.indexOf(email.toLowerCase()));
  const link = /href="([^"]*\/auth\/verify\?token=[^"]+)"/.exec(section)?.[1];
  assert(link, `a sign-in link for ${email}`);
  return link.replace(/&#38;|&amp;/g, '&');
}

/** Signs in without the sign-in pages (other tests cover them): asks for a link by API and follows it in a new context. */
export async function signInAs(synapse: RunningSynapse, email: string): Promise<SignedIn> {
  const asked = await fetch(`${synapse.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($email: String!) { requestSignIn(input: { email: $email }) }', variables: { email } }),
  });
  expect(asked.status).toBe(200);
  const context = await synapse.browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(await signInLinkFor(synapse, email));
  await page.getByRole('link', { name: 'Your account' }).waitFor();
  let csrfToken = '';
  async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await context.request.post(`${synapse.base}/graphql`, { data: { query, variables }, headers: { 'x-csrf-token': csrfToken } });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data!;
  }
  csrfToken = (await graphql<{ currentSession: { csrfToken: string } }>('{ currentSession { csrfToken } }')).currentSession.csrfToken;
  return { context, page, graphql };
}

/** Publishes an experiment of the signed-in person's council through the API, for a test to start from. */
export async function publishExperiment(
  as: SignedIn,
  fields: { title: string; summary?: string; problem?: string; approach?: string; serviceAreas?: string[] },
): Promise<{ id: string; slug: string; version: number }> {
  const input = {
    summary: 'Officers phoned every household a week before the first missed payment. Far fewer fell behind.',
    problem: 'Households who missed one payment often lost the right to pay monthly, and arrears grew before anyone spoke to them.',
    approach: 'A phone call a week before each due date from the revenues team, offering a payment plan.',
    serviceAreas: ['finance-and-commissioning'],
    ...fields,
  };
  const created = await as.graphql<{ createExperiment: { id: string; version: number } }>(
    'mutation($input: CreateExperimentInput!) { createExperiment(input: $input) { id version } }',
    { input },
  );
  const published = await as.graphql<{ publishExperiment: { id: string; slug: string; version: number } }>(
    'mutation($id: ID!, $v: Int!) { publishExperiment(id: $id, version: $v) { id slug version } }',
    { id: created.createExperiment.id, v: created.createExperiment.version },
  );
  return published.publishExperiment;
}

/** axe at desktop (1280 px) and phone (375 px) widths; the page is left at desktop width. */
export async function expectAccessibleAtBothWidths(page: Page, screenshot?: string): Promise<void> {
  for (const [width, height, suffix] of [[1280, 900, ''], [375, 800, '-phone']] as const) {
    await page.setViewportSize({ width, height });
    await expectAccessible(page);
    // Nothing may be wider than the screen (one long word used to widen the page to 2,457 px).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    if (screenshot) await page.screenshot({ path: `${screenshot}${suffix}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
