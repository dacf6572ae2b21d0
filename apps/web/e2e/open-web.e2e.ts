import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeContextsAfterEachTest, publishExperiment, signInAs } from './session.js';
import { type RunningSynapse, SCREENSHOTS, startSynapse } from './synapse.js';

// The open web: public pages arrive complete from the server, work with JavaScript off, answer with the right
// status, and are taken over by React in the browser with no console errors and no second fetch of their data.

let synapse: RunningSynapse;
// A test's own browser contexts close when it ends, even when it fails or runs out of time (see session.ts).
closeContextsAfterEachTest(() => synapse);
let experiment: { slug: string; id: string; title: string; council: string; councilSlug: string };
let discussion: { id: string; title: string };

async function graphql<T>(query: string): Promise<T> {
  const response = await fetch(`${synapse.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return ((await response.json()) as { data: T }).data;
}

async function html(path: string): Promise<{ status: number; text: string; location: string | null }> {
  const response = await fetch(`${synapse.base}${path}`, { headers: { accept: 'text/html' }, redirect: 'manual' });
  return { status: response.status, text: await response.text(), location: response.headers.get('location') };
}

beforeAll(async () => {
  synapse = await startSynapse();
  const data = await graphql<{
    experiments: { nodes: Array<{ id: string; slug: string; title: string; leadOrganisation: { name: string; slug: string } }> };
    discussions: { nodes: Array<{ id: string; title: string }> };
  }>('{ experiments(first: 1) { nodes { id slug title leadOrganisation { name slug } } } discussions(first: 1) { nodes { id title } } }');
  const first = data.experiments.nodes[0]!;
  experiment = { id: first.id, slug: first.slug, title: first.title, council: first.leadOrganisation.name, councilSlug: first.leadOrganisation.slug };
  discussion = data.discussions.nodes[0]!;
});

afterAll(async () => {
  await synapse?.stop();
});

/** HTML escapes the way React writes text: enough to find a title in the page's markup. */
const escaped = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

it('sends every public page complete, with its content, title and description, to a client that runs no JavaScript', async () => {
  const pages: Array<[string, string]> = [
    ['/', 'Find what other councils tried, and what happened'],
    ['/search?q=homelessness', 'Housing First'],
    [`/experiments/${experiment.slug}`, escaped(experiment.title)],
    [`/organisations/${experiment.councilSlug}`, escaped(experiment.council)],
    ['/questions', 'Questions to the network'],
    [`/discussions/${discussion.id}`, escaped(discussion.title)],
  ];
  for (const [path, content] of pages) {
    const page = await html(path);
    expect(page.status, path).toBe(200);
    const body = page.text.slice(page.text.indexOf('<div id="root">'));
    expect(body, path).toContain(content);
    // The page's own title comes first in the head, so it is the document's title.
    expect(/<title>([^<]*)<\/title>/.exec(page.text)?.[1], path).toMatch(/^[^<]+ – Synapse$/);
    expect(page.text, path).toContain('<meta name="description"');
    expect(page.text, path).toContain(`<link rel="canonical" href="${synapse.base}`);
    expect(page.text, path).not.toContain('Synapse needs JavaScript');
  }
  const experimentPage = (await html(`/experiments/${experiment.slug}`)).text;
  expect(experimentPage).toContain(`<meta property="og:title" content="${escaped(experiment.title)}"/>`);
  expect(experimentPage).toContain('<meta name="twitter:label1" content="Council"/>');
  expect(experimentPage).toContain('<script type="application/ld+json">');
});

it('answers 404 for what does not exist, 301 from an id or GSS code to the readable address, and 410 for a withdrawn experiment', async () => {
  expect((await html('/experiments/no-such-experiment')).status).toBe(404);
  expect((await html('/organisations/no-such-council')).status).toBe(404);
  expect((await html('/discussions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  expect((await html('/no/such/page')).status).toBe(404);
  const byId = await html(`/experiments/${experiment.id}`);
  expect([byId.status, byId.location]).toEqual([301, `/experiments/${experiment.slug}`]);
  const byGss = await html('/organisations/E08000010');
  expect([byGss.status, byGss.location]).toEqual([301, '/organisations/wigan']);

  const editor = await signInAs(synapse, 'jo@wigan.councils.example');
  const published = await publishExperiment(editor, { title: 'Reminder calls before council tax falls due' });
  await editor.graphql('mutation($input: WithdrawExperimentInput!) { withdrawExperiment(input: $input) { id } }', {
    input: { id: published.id, reason: 'The figures double-counted households; corrected ones are coming.', version: published.version },
  });
  await editor.context.close();
  const withdrawn = await html(`/experiments/${published.slug}`);
  expect(withdrawn.status).toBe(410);
  expect(withdrawn.text).toContain('withdrew this experiment');
  expect(withdrawn.text).toContain('The figures double-counted households');
});

it('searches, filters and follows links through ordinary forms and links with JavaScript off, at phone width', async () => {
  const context = await synapse.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${synapse.base}/`);
  await page.getByLabel(/Has anyone tried it/).fill('homelessness');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL(/\/search\?q=homelessness/);
  expect(await page.locator('main .govuk-list h2 a').count()).toBeGreaterThan(0);

  // The filter panel is open (no button could open it) and sends its choices with "Apply filters".
  const worked = page.locator('input[name="verdicts"][value="WORKED"]');
  await worked.check();
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/verdicts=WORKED/);
  expect(new URL(page.url()).searchParams.get('q')).toBe('homelessness');
  expect(await worked.isChecked()).toBe(true);
  const results = page.locator('main .govuk-list h2 a');
  expect(await results.count()).toBeGreaterThan(0);
  await page.screenshot({ path: `${SCREENSHOTS}no-javascript-search-phone.png`, fullPage: true });

  const title = (await results.first().textContent())!;
  await results.first().click();
  await page.waitForURL(/\/experiments\//);
  expect(await page.locator('h1').textContent()).toBe(title);
  await context.close();
});

/** The server's HTML without its scripts, loaded as it arrives: what axe checks is what a browser without JavaScript shows. */
async function serverRendered(page: Page, path: string): Promise<void> {
  const { text } = await html(path);
  const withoutScripts = text.replace(/<script type="module"[^>]*><\/script>/, '').replace(/<script type="application\/json" id="synapse-data">[^<]*<\/script>/, '');
  await page.route(`${synapse.base}${path}`, (route) => route.fulfill({ contentType: 'text/html', body: withoutScripts }));
  await page.goto(`${synapse.base}${path}`);
}

it('has no accessibility problems in the server-rendered pages', async () => {
  const context = await synapse.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  for (const path of ['/', '/search?q=loneliness', `/experiments/${experiment.slug}`, `/organisations/${experiment.councilSlug}`, '/questions']) {
    await serverRendered(page, path);
    expect(await page.evaluate(() => document.body.classList.contains('js-enabled')), path).toBe(false);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.help}`)).toEqual([]);
  }
  await context.close();
});

it('takes over a server-rendered page with no console errors and no second request for its data', async () => {
  const context = await synapse.browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (const path of ['/', '/search?q=loneliness', `/experiments/${experiment.slug}`, `/organisations/${experiment.councilSlug}`, '/questions', `/discussions/${discussion.id}`]) {
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (request.url().includes('/graphql')) requests.push(request.postData() ?? request.url());
    });
    await page.goto(`${synapse.base}${path}`, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => document.body.classList.contains('synapse-hydrated'));
    expect(problems, path).toEqual([]);
    expect(requests, path).toEqual([]);
    await page.close();
  }

  // Once taken over, the page is the app: a filter applies at once, with one request and no reload.
  const page = await context.newPage();
  await page.goto(`${synapse.base}/search?q=homelessness`);
  await page.waitForFunction(() => document.body.classList.contains('synapse-hydrated'));
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/graphql')) requests.push(request.postData() ?? '');
  });
  // A click, not check(): the box is ticked by the page once the address has changed, not by the click itself.
  const worked = page.locator('input[name="verdicts"][value="WORKED"]');
  await worked.click();
  await page.waitForURL(/verdicts=WORKED/);
  await expect.poll(() => worked.isChecked()).toBe(true);
  await expect.poll(() => requests.filter((body) => body.includes('SearchPage')).length).toBe(1);
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await context.close();
});
