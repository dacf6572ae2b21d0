import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { Browser, startTestServer, type TestServer } from '../../../test/http.js';
import { entityManager } from '../../db/orm.js';
import { DevMail } from './dev-mail.entity.js';
import { SignInToken } from './sign-in-token.entity.js';

// Sign-in end to end over HTTP: the development mailbox, the link, the cookie, CSRF, signing out.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ SYNAPSE_PLATFORM_ADMINS: 'chief@platform.example' }, { search: false });
});
afterAll(async () => {
  await server?.close();
});

const REQUEST = 'mutation($email: String!) { requestSignIn(input: { email: $email }) }';
const VIEWER = '{ viewer { name role organisation { name } } currentSession { csrfToken } }';

/** Asks for a link, reads it from the development mailbox page, and returns the path to follow. */
async function signInLink(browser: Browser, email: string): Promise<string> {
  const { body } = await browser.graphql(REQUEST, { email });
  expect(body.data?.requestSignIn).toBe(true);
  const mailbox = await (await fetch(`${server.base}/dev/mailbox`)).text();
  const pattern = new RegExp(`href="${server.base.replace(/[.:/]/g, '\\$&')}(/auth/verify\\?token=[^"]+)"`);
  const section = mailbox.slice(mailbox.indexOf(email.toLowerCase()));
  const link = pattern.exec(section)?.[1];
  assert(link, `a sign-in link for ${email} on /dev/mailbox`);
  return link.replace(/&#38;/g, '&');
}

async function signIn(email: string): Promise<Browser> {
  const browser = new Browser(server.base);
  const response = await browser.fetch(await signInLink(browser, email));
  expect(response.status).toBe(303);
  const session = await browser.graphql(VIEWER);
  browser.csrfToken = session.body.data.currentSession.csrfToken;
  return browser;
}

describe('signing in with an email link', () => {
  it('signs a new person in with only an email address, into the council that owns the domain', async () => {
    const browser = new Browser(server.base);
    const response = await browser.fetch(await signInLink(browser, 'Jo.Bloggs@wigan.councils.example'));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('synapse_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const { body } = await browser.graphql(VIEWER);
    expect(body.data.viewer).toEqual({ name: 'Jo Bloggs', role: 'EDITOR', organisation: { name: 'Wigan' } });
    expect(body.data.currentSession.csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('returns to the page the person signed in from, and only to a page of Synapse', async () => {
    const browser = new Browser(server.base);
    const ask = 'mutation($email: String!, $to: String) { requestSignIn(input: { email: $email, returnTo: $to }) }';
    expect((await browser.graphql(ask, { email: 'ruth.ng@wigan.councils.example', to: '/experiments/text-reminders' })).body.data.requestSignIn).toBe(true);
    const mailbox = await (await fetch(`${server.base}/dev/mailbox`)).text();
    const link = /\/auth\/verify\?token=[^"]+?returnTo=([^"&]+)/.exec(mailbox.slice(mailbox.indexOf('ruth.ng@')));
    expect(link?.[1]).toBe(encodeURIComponent('/experiments/text-reminders'));
    const back = await browser.fetch(link![0].replace(/&#38;|&amp;/g, '&'));
    expect(back.headers.get('location')).toBe('/experiments/text-reminders');
    // A returnTo added to a genuine link by someone else cannot send the person off-site.
    const tampered = await signInLink(new Browser(server.base), 'lee.ward@wigan.councils.example');
    const away = await new Browser(server.base).fetch(`${tampered}&returnTo=${encodeURIComponent('//evil.example/')}`);
    expect(away.headers.get('location')).toBe('/');
  });

  it('lets that person publish for their council, and only with the CSRF token', async () => {
    const browser = await signIn('sam.patel@wigan.councils.example');
    const create = `mutation { createExperiment(input: { title: "Warm welcome packs for care leavers", summary: "Starter kits for first homes.",
      problem: "Bare flats.", approach: "Packs.", serviceAreas: ["childrens-services"] }) { id version leadOrganisation { name } } }`;
    const token = browser.csrfToken;
    browser.csrfToken = null;
    const refused = await browser.graphql(create);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'csrf' });
    browser.csrfToken = 'not-the-token';
    expect((await browser.graphql(create)).body.errors?.[0].extensions?.reason).toBe('csrf');
    browser.csrfToken = token;
    const created = await browser.graphql(create);
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.createExperiment.leadOrganisation.name).toBe('Wigan');
    const { id, version } = created.body.data.createExperiment;
    const published = await browser.graphql('mutation($id: ID!, $v: Int!) { publishExperiment(id: $id, version: $v) { status } }', { id, v: version });
    expect(published.body.data.publishExperiment.status).toBe('PUBLISHED');
    const anonymous = await new Browser(server.base).graphql('query($id: ID) { experiment(id: $id) { title } }', { id });
    expect(anonymous.body.data.experiment.title).toBe('Warm welcome packs for care leavers');
  });

  it('leaves people from unknown domains as readers who cannot publish', async () => {
    const browser = await signIn('someone@gmail.example');
    expect((await browser.graphql(VIEWER)).body.data.viewer).toMatchObject({ organisation: null, role: 'MEMBER' });
    const attempt = await browser.graphql('mutation { createExperiment(input: { title: "Mine", summary: "x" }) { id } }');
    expect(attempt.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('makes the configured people platform admins', async () => {
    const browser = await signIn('chief@platform.example');
    const { body } = await browser.graphql('{ viewer { platformAdmin } }');
    expect(body.data.viewer.platformAdmin).toBe(true);
  });

  it('accepts a link once, and not after it expires', async () => {
    const first = new Browser(server.base);
    const link = await signInLink(first, 'once@wigan.councils.example');
    expect((await first.fetch(link)).status).toBe(303);
    const reuse = await new Browser(server.base).fetch(link);
    expect(reuse.status).toBe(400);
    expect(await reuse.text()).toContain('already been used');

    const late = new Browser(server.base);
    const expiring = await signInLink(late, 'late@wigan.councils.example');
    await entityManager(server.orm).fork().nativeUpdate(SignInToken, { email: 'late@wigan.councils.example' }, { expiresAt: new Date(Date.now() - 1000) });
    const expired = await late.fetch(expiring);
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain('expired');
    expect(late.cookie('synapse_session')).toBeUndefined();

    const forged = await new Browser(server.base).fetch('/auth/verify?token=made-up');
    expect(forged.status).toBe(400);
  });

  it('stores tokens hashed and never says whether an address is known', async () => {
    const browser = new Browser(server.base);
    await browser.graphql(REQUEST, { email: 'nobody-here@nowhere.example' });
    const em = entityManager(server.orm).fork();
    const mail = await em.findOneOrFail(DevMail, { to: 'nobody-here@nowhere.example' });
    const token = /token=([\w-]+)/.exec(mail.text)![1];
    const stored = await em.findOneOrFail(SignInToken, { email: 'nobody-here@nowhere.example' });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const bad = await browser.graphql(REQUEST, { email: 'not an email' });
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
  });

  it('signs out here, or everywhere', async () => {
    const laptop = await signIn('alex@wigan.councils.example');
    const phone = await signIn('alex@wigan.councils.example');
    const out = await laptop.graphql('mutation { signOut }');
    expect(out.body.data.signOut).toBe(true);
    expect(laptop.cookie('synapse_session')).toBeUndefined();
    expect((await laptop.graphql(VIEWER)).body.data.viewer).toBeNull();
    expect((await phone.graphql(VIEWER)).body.data.viewer).not.toBeNull();

    const tablet = await signIn('alex@wigan.councils.example');
    await tablet.graphql('mutation { signOutEverywhere }');
    expect((await phone.graphql(VIEWER)).body.data.viewer).toBeNull();
    expect((await tablet.graphql(VIEWER)).body.data.viewer).toBeNull();
  });
});

describe('partner API keys', () => {
  it('are created by an organisation admin, shown once, used as a Bearer token, limited per key, and revocable', async () => {
    const admin = await signIn('demo.editor@demo-council.example');
    const { body } = await admin.graphql('{ viewer { role organisation { id slug } } }');
    expect(body.data.viewer.role).toBe('ADMIN');
    const created = await admin.graphql('mutation($org: ID!) { createApiKey(input: { organisationId: $org, name: "Research sync" }) { secret apiKey { id prefix scopes } } }', {
      org: body.data.viewer.organisation.id,
    });
    const { secret, apiKey } = created.body.data.createApiKey;
    expect(secret.startsWith(`${apiKey.prefix}_`)).toBe(true);
    expect(apiKey.scopes).toEqual(['PUBLIC_READ']);

    const partner = new Browser(server.base);
    const read = await partner.graphql('{ experiments(first: 1) { totalCount } viewer { id } }', {}, { authorization: `Bearer ${secret}` });
    expect(read.response.status).toBe(200);
    expect(read.body.data.experiments.totalCount).toBeGreaterThan(0);
    expect(read.body.data.viewer).toBeNull();
    expect(read.response.headers.get('ratelimit-limit')).toBe(String(server.config.rateLimit.apiKey));
    const write = await partner.graphql('mutation { createExperiment(input: { title: "By key", summary: "x" }) { id } }', {}, { authorization: `Bearer ${secret}` });
    expect(write.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const listed = await admin.graphql('query($slug: String) { organisation(slug: $slug) { apiKeys { prefix lastUsedAt revokedAt } } }', { slug: body.data.viewer.organisation.slug });
    expect(listed.body.data.organisation.apiKeys).toEqual([{ prefix: apiKey.prefix, lastUsedAt: expect.any(String), revokedAt: null }]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const wrong = await partner.graphql('{ serviceAreas { slug } }', {}, { authorization: `Bearer ${secret.slice(0, -2)}xx` });
    expect(wrong.response.status).toBe(401);
    expect(wrong.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await admin.graphql('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: apiKey.id });
    const revoked = await partner.graphql('{ serviceAreas { slug } }', {}, { authorization: `Bearer ${secret}` });
    expect(revoked.response.status).toBe(401);
  });
});

describe('rate limits', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ RATE_LIMIT_ANONYMOUS: '3', RATE_LIMIT_WINDOW_SECONDS: '60', SYNAPSE_SEED_DEMO: 'false' }, { search: false });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it('says how much is left in standard headers, and refuses clearly past the limit', async () => {
    const browser = new Browser(limited.base);
    const remaining: string[] = [];
    for (let n = 0; n < 3; n++) {
      const { response } = await browser.graphql('{ serviceAreas { slug } }');
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      expect(response.headers.get('ratelimit-policy')).toBe('3;w=60');
      remaining.push(response.headers.get('ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const { response, body } = await browser.graphql('{ serviceAreas { slug } }');
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 3, windowSeconds: 60 });
  });
});

describe('the development mailbox', () => {
  it('does not exist in production', async () => {
    const production = await startTestServer({ NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:9', SYNAPSE_SEED_DEMO: 'false' }, { search: false });
    try {
      // Either a 404 or, once the web client is built, its page for unknown addresses: never the mailbox.
      expect(await (await fetch(`${production.base}/dev/mailbox`)).text()).not.toContain('Development mailbox');
      const response = await fetch(`${production.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ signInMethods { developmentMailbox } }' }),
      });
      expect(((await response.json()) as any).data.signInMethods).toEqual({ developmentMailbox: null });
    } finally {
      await production.close();
    }
  });
});
