import { createServer, type IncomingMessage, type Server } from 'node:http';
import { MemberRole } from '@synapse/domain';
import { freePort } from '@synapse/search';
import { ref } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildMember } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { isAllowedAddress, type OutboundPolicy } from '../../http/outbound-url-guard.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { DeliveryStatus, Webhook, WebhookDelivery, WebhookEvent } from './webhook.entity.js';
import { newJob } from '../job/job-queue.js';
import { DELIVER_WEBHOOK, webhookJobHandler } from './webhook.service.js';

// Webhooks must not become a way to reach Synapse's own network: refused at creation, and again at delivery.
let h: Harness;
let port: number;
let receiver: Server;
const received: { url: string; host: string | undefined }[] = [];
let answer: (request: IncomingMessage, response: import('node:http').ServerResponse) => void = (_req, res) => res.writeHead(204).end();

beforeAll(async () => {
  h = await createHarness();
  port = await freePort();
  receiver = createServer((request, response) => {
    received.push({ url: request.url ?? '', host: request.headers.host });
    request.resume();
    request.on('end', () => answer(request, response));
  });
  await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));
});
afterAll(async () => {
  receiver.close();
  await h.close();
});

const CREATE = `mutation($org: ID!, $url: String!) { createWebhook(input: { organisationId: $org, url: $url, events: [EXPERIMENT_PUBLISHED] }) { webhook { id } } }`;

async function deliverOnce(url: string, policy: OutboundPolicy, timeoutMs = 2_000): Promise<WebhookDelivery> {
  const em = h.em();
  const organisation = await buildCouncil(em);
  const webhook = Object.assign(new Webhook(), { organisation: ref(em.getReference(Organisation, organisation.id)), url, events: [WebhookEvent.EXPERIMENT_PUBLISHED], secret: 'whsec_test' });
  const delivery = Object.assign(new WebhookDelivery(), { webhook: ref(webhook), event: WebhookEvent.EXPERIMENT_PUBLISHED, payload: { hello: 'world' } });
  await em.persist([webhook, delivery, newJob(DELIVER_WEBHOOK, { deliveryId: delivery.id }, { key: delivery.id })]).flush();
  // One attempt: a failed delivery waits for its backoff (a minute here), so the drain ends after it.
  await h.jobWorker({ handlers: [webhookJobHandler({ policy, timeoutMs })], backoffMs: 60_000, maxBackoffMs: 60_000 }).drain();
  return h.em().findOneOrFail(WebhookDelivery, { id: delivery.id });
}

describe('webhook addresses (SSRF)', () => {
  it('classifies addresses: only public unicast, loopback only when allowed', () => {
    const refused = ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.0.10', '169.254.169.254', '100.64.0.1', '100.100.100.200', '0.0.0.0', '224.0.0.1',
      '255.255.255.255', '::1', '::', 'fd00::1', 'fd00:ec2::254', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '2002:a00:1::', 'not-an-ip'];
    for (const address of refused) expect(isAllowedAddress(address, { allowLoopback: false }), address).toBe(false);
    for (const address of ['93.184.215.14', '8.8.8.8', '2a00:1450:4009:81f::200e']) expect(isAllowedAddress(address, { allowLoopback: false }), address).toBe(true);
    expect(isAllowedAddress('127.0.0.1', { allowLoopback: true })).toBe(true);
    expect(isAllowedAddress('10.1.2.3', { allowLoopback: true })).toBe(false);
  });

  it('refuses internal addresses at creation with BAD_USER_INPUT on input.url, creating nothing', async () => {
    const organisation = await buildCouncil(h.em());
    const admin = await buildMember(h.em(), organisation, MemberRole.ADMIN);
    h.config.webhookAllowLoopback = false;
    const urls = [`http://127.0.0.1:${port}/hook`, 'http://localhost/hook', 'http://10.0.0.5/hook', 'http://192.168.1.1/', 'http://172.16.0.1/',
      'http://169.254.169.254/latest/meta-data/', 'http://100.64.0.1/', 'http://[::1]/', 'http://[fd00::1]/', 'http://[::ffff:127.0.0.1]/',
      'http://[fe80::1]/', 'http://0.0.0.0/', 'http://2130706433/', 'http://0x7f.0.0.1/', 'http://user:pass@93.184.215.14/'];
    for (const url of urls) {
      const result = await h.run(CREATE, { org: organisation.id, url }, admin);
      expect(result.errors?.[0]?.extensions, url).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    }
    expect(await h.em().count(Webhook, { organisation: organisation.id })).toBe(0);
    // The development setting allows loopback, and only loopback.
    h.config.webhookAllowLoopback = true;
    expect((await h.run(CREATE, { org: organisation.id, url: `http://127.0.0.1:${port}/hook` }, admin)).errors).toBeUndefined();
    expect((await h.run(CREATE, { org: organisation.id, url: 'http://10.0.0.5/hook' }, admin)).errors?.[0]?.extensions?.field).toBe('input.url');
    h.config.webhookAllowLoopback = false;
  });

  it('checks again at delivery: a host that now resolves to an internal address is not called', async () => {
    const before = received.length;
    const rebound = await deliverOnce(`http://rebind.test:${port}/hook`, { allowLoopback: false, resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    expect(rebound).toMatchObject({ status: DeliveryStatus.PENDING, attempts: 1, lastError: 'address not allowed', lastStatusCode: null });
    expect(received.length).toBe(before);
  });

  it('connects to the address it checked (so a second DNS answer cannot slip in), keeping the host name', async () => {
    // rebind.test resolves nowhere on this machine: the call only arrives because the checked address is used.
    const delivered = await deliverOnce(`http://rebind.test:${port}/pinned`, { allowLoopback: true, resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    expect(delivered).toMatchObject({ status: DeliveryStatus.SUCCEEDED, lastError: null, lastStatusCode: 204 });
    expect(received.at(-1)).toEqual({ url: '/pinned', host: `rebind.test:${port}` });
  });

  it('logs outcomes in words: HTTP status, redirect not followed, connection refused, timed out', async () => {
    const loopback = { allowLoopback: true };
    answer = (_req, res) => res.writeHead(503).end();
    expect((await deliverOnce(`http://127.0.0.1:${port}/down`, loopback)).lastError).toBe('HTTP 503');
    answer = (_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${port}/followed` }).end();
    const redirected = await deliverOnce(`http://127.0.0.1:${port}/moved`, loopback);
    expect(redirected).toMatchObject({ lastError: 'HTTP 302 (redirects are not followed)', lastStatusCode: 302 });
    expect(received.some((call) => call.url === '/followed')).toBe(false);
    const closed = await freePort();
    expect((await deliverOnce(`http://127.0.0.1:${closed}/`, loopback)).lastError).toBe('connection refused');
    answer = () => undefined; // never answers
    expect((await deliverOnce(`http://127.0.0.1:${port}/slow`, loopback, 200)).lastError).toBe('timed out');
    answer = (_req, res) => res.writeHead(204).end();
  });
});
