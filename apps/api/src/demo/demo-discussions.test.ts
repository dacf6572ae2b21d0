import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/http.js';

// The demo data includes conversations and interest: a fresh installation shows them.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({}, { search: false });
});
afterAll(async () => {
  await server?.close();
});

async function query(body: string) {
  const response = await fetch(`${server.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: body }) });
  return ((await response.json()) as { data: any }).data;
}

describe('demo discussions', () => {
  it('has questions answered by the team, network questions answered with citations, open ones, and interest from several councils', async () => {
    const team = await query('{ experiment(slug: "volunteer-drivers-to-speed-up-hospital-discharge") { interest { total considering planning trying } discussions(first: 5) { nodes { title answered answer { fromTeam } } } } }');
    expect(team.experiment.interest).toEqual({ total: 3, considering: 1, planning: 1, trying: 1 });
    expect(team.experiment.discussions.nodes).toEqual([{ title: 'How did you insure the volunteer drivers?', answered: true, answer: { fromTeam: true } }]);
    const network = await query('{ discussions(first: 20, filter: { network: true }) { totalCount nodes { title answered answer { citations { title } } } } }');
    expect(network.discussions.totalCount).toBe(4);
    const pb = network.discussions.nodes.find((d: { title: string }) => d.title.includes('participatory budgeting'));
    expect(pb.answer.citations.length).toBe(2);
    const open = await query('{ discussions(first: 20, filter: { answered: false }) { totalCount } }');
    expect(open.discussions.totalCount).toBe(3);
  });
});
