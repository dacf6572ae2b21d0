import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import type { Experiment } from '../experiment/experiment.entity.js';
import type { Member } from '../member/member.entity.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import { Discussion } from './discussion.entity.js';

// Experiment.discussions is read for every experiment of a request at once (experiment-discussions.service.ts):
// each experiment must still get its own page, by its own first/after, with the same visibility rules and
// cursors as the top-level `discussions(filter: { experimentId })` list.

let h: Harness;
let asker: Member;
let moderator: Member;
let busy: Experiment;
let quiet: Experiment;
/** The busy experiment's visible discussions, in the order the lists must give them. */
let busyOrder: string[];
let quietVisible: string;
let lead: Organisation;

const PAGE = `nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`;

async function startOn(experiment: Experiment, title: string, lastActivityAt: Date): Promise<string> {
  const result = await h.run('mutation($input: StartDiscussionInput!) { startDiscussion(input: $input) { id } }', { input: { experimentId: experiment.id, title, body: `${title}?` } }, asker);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const id = result.data.startDiscussion.id as string;
  await h.em().nativeUpdate(Discussion, { id }, { lastActivityAt });
  return id;
}

beforeAll(async () => {
  h = await createHarness();
  const em = h.em();
  lead = await buildCouncil(em);
  const other = await buildCouncil(em);
  busy = await buildExperiment(em, { lead, title: 'Volunteer drivers for hospital discharge' });
  quiet = await buildExperiment(em, { lead, title: 'Home from hospital befriending' });
  asker = await buildMember(em, other, MemberRole.MEMBER, { createdAt: new Date(Date.now() - 30 * 86_400_000) });
  moderator = await buildMember(em, other, MemberRole.MEMBER, { moderator: true });
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 9, minutes));
  const oldest = await startOn(busy, 'Who drove', at(1));
  // Two with the same last activity: the larger id comes first, as in the SQL order.
  const tiedA = await startOn(busy, 'Was mileage paid', at(5));
  const tiedB = await startOn(busy, 'How were drivers checked', at(5));
  const newest = await startOn(busy, 'Did readmissions fall', at(9));
  busyOrder = [newest, ...[tiedA, tiedB].sort().reverse(), oldest];
  quietVisible = await startOn(quiet, 'How many volunteers', at(2));
  const hidden = await startOn(quiet, 'Cheap pills, click here', at(3));
  await h.em().nativeUpdate(Discussion, { id: hidden }, { hiddenAt: new Date() });
});

afterAll(async () => {
  await h.close();
});

describe('Experiment.discussions, read for every experiment of a request at once', () => {
  it('pages each experiment by its own first and after, in one request', async () => {
    const result = await h.run(
      `query($busy: ID!, $quiet: ID!) { busy: experiment(id: $busy) { discussions(first: 2) { ${PAGE} } }
        quiet: experiment(id: $quiet) { discussions(first: 5) { ${PAGE} } } }`,
      { busy: busy.id, quiet: quiet.id },
    );
    expect(result.errors).toBeUndefined();
    const first = result.data.busy.discussions;
    expect(first.nodes.map((n: { id: string }) => n.id)).toEqual(busyOrder.slice(0, 2));
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    // The hidden one is neither listed nor counted.
    expect(result.data.quiet.discussions).toMatchObject({ nodes: [{ id: quietVisible }], totalCount: 1, pageInfo: { hasNextPage: false } });

    const next = await h.run(`query($busy: ID!, $after: String) { experiment(id: $busy) { discussions(first: 2, after: $after) { ${PAGE} } } }`, {
      busy: busy.id,
      after: first.pageInfo.endCursor,
    });
    expect(next.data.experiment.discussions.nodes.map((n: { id: string }) => n.id)).toEqual(busyOrder.slice(2));
    expect(next.data.experiment.discussions).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  });

  it('gives the same pages and cursors as the top-level list, and takes its cursors', async () => {
    const top = await h.run(`query($id: ID!) { discussions(first: 2, filter: { experimentId: $id }) { ${PAGE} } }`, { id: busy.id });
    const field = await h.run(`query($id: ID!) { experiment(id: $id) { discussions(first: 2) { ${PAGE} } } }`, { id: busy.id });
    expect(field.data.experiment.discussions).toEqual(top.data.discussions);
    const afterTopCursor = await h.run(`query($id: ID!, $after: String) { experiment(id: $id) { discussions(first: 5, after: $after) { nodes { id } } } }`, {
      id: busy.id,
      after: top.data.discussions.pageInfo.endCursor,
    });
    expect(afterTopCursor.data.experiment.discussions.nodes.map((n: { id: string }) => n.id)).toEqual(busyOrder.slice(2));
  });

  it('shows hidden discussions to platform moderators only, as before', async () => {
    const query = `query($id: ID!) { experiment(id: $id) { discussions(first: 5) { totalCount } } }`;
    expect((await h.run(query, { id: quiet.id }, moderator)).data.experiment.discussions.totalCount).toBe(2);
    expect((await h.run(query, { id: quiet.id }, asker)).data.experiment.discussions.totalCount).toBe(1);
  });

  it('refuses a cursor it did not make, on that field (and so does the top-level list: it used to be an internal error)', async () => {
    for (const query of [
      `query($id: ID!) { experiment(id: $id) { discussions(first: 2, after: "not a cursor") { totalCount } } }`,
      `query($id: ID!) { discussions(first: 2, after: "not a cursor", filter: { experimentId: $id }) { totalCount } }`,
    ]) {
      const result = await h.run(query, { id: busy.id });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.extensions?.field).toBe('after');
    }
  });

  it('costs the same statements for a list of one experiment with discussions as for two', async () => {
    const query = (first: number) =>
      `{ experiments(first: ${first}, filter: { organisations: ["${lead.gssCode}"] }) { nodes { discussions(first: 1) { totalCount nodes { id title } } } } }`;
    const one = await h.countQueries(() => h.run(query(1)));
    const two = await h.countQueries(() => h.run(query(2)));
    expect(two).toBe(one);
  });
});
