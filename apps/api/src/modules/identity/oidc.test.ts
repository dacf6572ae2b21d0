import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from '@synapse/search';
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/http.js';

// Single sign-on against a real OpenID Connect provider (the oidc-provider package) on loopback, driven
// through its development login and consent pages like a browser would.

let synapse: TestServer;
let idp: Server;
let issuer: string;

beforeAll(async () => {
  const idpPort = await freePort();
  issuer = `http://127.0.0.1:${idpPort}`;
  const appPort = await freePort();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'synapse',
        client_secret: 'a-test-client-secret-that-is-long-enough',
        redirect_uris: [`http://127.0.0.1:${appPort}/auth/oidc/callback`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // The account id typed at the provider's login page is used as the email; "unverified" accounts are not.
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, email: sub, email_verified: !sub.startsWith('unverified'), name: 'Morgan Entra' }),
    }),
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
  });
  idp = provider.listen(idpPort);
  synapse = await startTestServer(
    { PORT: String(appPort), OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'synapse', OIDC_CLIENT_SECRET: 'a-test-client-secret-that-is-long-enough', OIDC_LABEL: 'Test Entra' },
    { search: false, port: appPort },
  );
});

afterAll(async () => {
  await synapse?.close();
  idp?.close();
});

/** A browser that follows redirects across the two servers, keeping cookies per host and path. */
async function signInWithSso(login: string): Promise<{ finalStatus: number; finalBody: string; sessionCookie: string | null; viewer: any }> {
  const jar = new Map<string, string>();
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
  };
  const go = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    remember(response);
    return response;
  };
  const follow = async (response: Response, from: string): Promise<Response> => {
    let current = response;
    let url = from;
    for (let hops = 0; hops < 15 && current.status >= 300 && current.status < 400; hops++) {
      url = new URL(current.headers.get('location')!, url).href;
      current = await go(url);
    }
    return current;
  };
  const submit = async (html: string, fields: Record<string, string>, from: string) => {
    const action = /action="([^"]+)"/.exec(html)?.[1];
    assert(action, 'the page has a form');
    const url = new URL(action, from).href;
    return follow(await go(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) }), url);
  };

  let page = await follow(await go(`${synapse.base}/auth/oidc/start`), `${synapse.base}/auth/oidc/start`);
  let html = await page.text();
  expect(html).toContain('name="login"');
  page = await submit(html, { prompt: 'login', login, password: 'anything' }, issuer);
  html = await page.text();
  if (html.includes('name="prompt" value="consent"')) {
    page = await submit(html, { prompt: 'consent' }, issuer);
    html = await page.text();
  }
  const sessionCookie = jar.get('synapse_session') ?? null;
  const viewer = sessionCookie
    ? (
        await (
          await fetch(`${synapse.base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: `synapse_session=${sessionCookie}` },
            body: JSON.stringify({ query: '{ viewer { name role organisation { name } } }' }),
          })
        ).json() as any
      ).data.viewer
    : null;
  return { finalStatus: page.status, finalBody: html, sessionCookie, viewer };
}

describe('single sign-on with OpenID Connect', () => {
  it('advertises itself to clients', async () => {
    const response = await fetch(`${synapse.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ signInMethods { emailLink sso { label startUrl } developmentMailbox } }' }),
    });
    expect(((await response.json()) as any).data.signInMethods).toEqual({
      emailLink: true,
      sso: { label: 'Test Entra', startUrl: `${synapse.base}/auth/oidc/start` },
      developmentMailbox: `${synapse.base}/dev/mailbox`,
    });
  });

  it('signs a council officer in through their identity provider, into their council by email domain', async () => {
    const result = await signInWithSso('morgan@wigan.councils.example');
    expect(result.sessionCookie, `${result.finalStatus} ${result.finalBody.slice(0, 500)}`).not.toBeNull();
    expect(result.viewer).toEqual({ name: 'Morgan Entra', role: 'EDITOR', organisation: { name: 'Wigan' } });
  });

  it('refuses an identity whose email the provider has not verified', async () => {
    const result = await signInWithSso('unverified@wigan.councils.example');
    expect(result.sessionCookie).toBeNull();
    expect(result.finalStatus).toBe(400);
    expect(result.finalBody).toContain('verified email address');
  });

  it('refuses a callback that did not start here', async () => {
    const response = await fetch(`${synapse.base}/auth/oidc/callback?code=stolen&state=guessed`, { redirect: 'manual' });
    expect(response.status).toBe(400);
  });
});
