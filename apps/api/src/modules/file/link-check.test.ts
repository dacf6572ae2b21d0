import { createServer, type IncomingMessage, type Server } from 'node:http';
import { ExperimentStatus, MemberRole } from '@synapse/domain';
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { Notification, NotificationKind } from '../notification/notification.entity.js';
import { loadFilesConfig } from './file.config.js';
import { checkLink, LINK_CHECK_USER_AGENT } from './link-check.js';
import { runLinkChecks } from './link-check.jobs.js';

let h: Harness;
let server: Server;
let base: string;
const seen: { method: string; path: string; agent: string }[] = [];

beforeAll(async () => {
  h = await createHarness();
  h.config.files = loadFilesConfig({ LINK_CHECK_ALLOW_LOOPBACK: 'true' }, false);
  server = createServer((request: IncomingMessage, response) => {
    seen.push({ method: request.method!, path: request.url!, agent: request.headers['user-agent'] ?? '' });
    if (request.url?.startsWith('/ok')) return void response.writeHead(200).end('fine');
    if (request.url === '/gone') return void response.writeHead(404).end();
    if (request.url === '/no-head') return void response.writeHead(request.method === 'HEAD' ? 405 : 200).end();
    // '/slow': never answers
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await h.close();
});

const LINK_CHECK = `query($slug: String!) { experiment(slug: $slug) { artefacts { title linkCheck { broken lastWorkedAt problem checkedAt } } } }`;

describe('link checks', () => {
  it('answers 200, 404 and a timeout in words, HEAD first and GET when HEAD is refused, with a User-Agent', async () => {
    const policy = { allowLoopback: true };
    expect(await checkLink(`${base}/ok`, policy)).toEqual({ works: true, problem: null });
    expect(await checkLink(`${base}/gone`, policy)).toEqual({ works: false, problem: 'HTTP 404' });
    expect(await checkLink(`${base}/slow`, policy, 200)).toEqual({ works: false, problem: 'timed out' });
    expect(await checkLink(`${base}/no-head`, policy)).toEqual({ works: true, problem: null });
    expect(seen.filter((call) => call.path === '/no-head').map((call) => call.method)).toEqual(['HEAD', 'GET']);
    expect(seen.every((call) => call.agent === LINK_CHECK_USER_AGENT)).toBe(true);
  });

  it('never calls private or loopback addresses outside development', async () => {
    const before = seen.length;
    expect(await checkLink(`${base}/ok`, { allowLoopback: false })).toEqual({ works: false, problem: 'address not allowed' });
    expect(await checkLink('http://169.254.169.254/latest/meta-data', { allowLoopback: true })).toEqual({ works: false, problem: 'address not allowed' });
    expect(seen.length).toBe(before);
  });

  it('flags a broken link with the date it last worked, tells the team once, and skips links checked recently', async () => {
    const council = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    const experiment = await buildExperiment(h.em(), { lead: council, status: ExperimentStatus.PUBLISHED, artefacts: 2 });
    const [first, second] = await h.em().find(Artefact, { experiment: experiment.id }, { orderBy: { title: 'asc' } });
    assert(first, 'the experiment has two artefacts');
    assert(second, 'the experiment has two artefacts');
    await h.em().nativeUpdate(Artefact, { experiment: { $ne: experiment.id } }, { linkCheckedAt: new Date() }); // other tests' links
    await h.em().nativeUpdate(Artefact, { id: first.id }, { url: `${base}/ok` });
    await h.em().nativeUpdate(Artefact, { id: second.id }, { url: `${base}/ok?edition=2` });
    const options = { everyMs: 60_000, batch: 10, timeoutMs: 500, perHostSpacingMs: 1 };

    const day1 = new Date();
    expect(await runLinkChecks(h.em(), h.config, day1, options)).toBe(2);
    await h.em().nativeUpdate(Artefact, { id: second.id }, { url: `${base}/slow` }); // it used to work… now it times out
    const day2 = new Date(day1.getTime() + 120_000);
    expect(await runLinkChecks(h.em(), h.config, day2, options)).toBe(2);
    expect(await runLinkChecks(h.em(), h.config, day2, options)).toBe(0); // checked just now
    const day3 = new Date(day2.getTime() + 120_000);
    expect(await runLinkChecks(h.em(), h.config, day3, options)).toBe(2); // still broken: nobody is told twice

    const result = await h.run(LINK_CHECK, { slug: experiment.slug });
    const checks = Object.fromEntries(result.data.experiment.artefacts.map((a: { title: string; linkCheck: unknown }) => [a.title, a.linkCheck]));
    expect(checks[first.title]).toMatchObject({ broken: false, problem: null, lastWorkedAt: day3.toISOString() });
    expect(checks[second.title]).toMatchObject({ broken: true, problem: 'timed out', lastWorkedAt: day1.toISOString() });
    const told = await h.em().find(Notification, { member: editor.id, kind: NotificationKind.ARTEFACT_PROBLEM });
    expect(told.map((n) => n.message)).toEqual([expect.stringContaining(`“${second.title}” no longer works (timed out)`)]);
  });
});
