import { MemberRole } from '@synapse/domain';
import { Cursor } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatError } from '../errors.js';
import { Experiment } from '../modules/experiment/experiment.entity.js';
import { SignInToken } from '../modules/identity/sign-in-token.entity.js';
import { Member } from '../modules/member/member.entity.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { createHarness, type Harness } from '../../test/harness.js';
import { buildCouncil, buildExperiment, buildMember } from '../../test/factories.js';

// Client mistakes answer BAD_USER_INPUT naming the field (or CONFLICT for a uniqueness race), never
// INTERNAL_SERVER_ERROR, and leave the database as it was.
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function snapshot() {
  const em = h.em();
  const experiments = await em.find(Experiment, {}, { orderBy: { id: 'asc' } });
  return {
    experiments: experiments.map((e) => ({ id: e.id, title: e.title, summary: e.summary, version: e.version })),
    members: await em.count(Member, {}),
    tokens: await em.count(SignInToken, {}),
  };
}

describe('hostile arguments', () => {
  it('answers an invalid after cursor with BAD_USER_INPUT on after, for every list', async () => {
    const council = await buildCouncil(h.em());
    await buildExperiment(h.em(), { lead: council });
    const cursors = ['not a cursor', base64({ $gt: 1 }), base64([{ $ne: null }, 'x']), base64([]), '%%%'];
    for (const after of cursors) {
      for (const list of ['experiments', 'organisations']) {
        const result = await h.run(`query($after: String) { ${list}(first: 2, after: $after) { totalCount } }`, { after });
        expect(result.errors?.[0]?.extensions, `${list} after=${after}`).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }
    }
    // Decodes, but a word where the list's ordering has a date: the database refuses it on PostgreSQL; either way no INTERNAL.
    const mistyped = await h.run('query($after: String) { experiments(first: 2, after: $after) { totalCount } }', { after: base64(['not-a-date', 'x']) });
    expect(mistyped.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('INTERNAL_SERVER_ERROR');
    if (h.database === 'postgres') expect(mistyped.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    // A real cursor still works.
    const first = await h.run('{ experiments(first: 1) { pageInfo { endCursor } } }');
    const next = await h.run('query($after: String) { experiments(first: 1, after: $after) { totalCount } }', { after: first.data.experiments.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    expect(Cursor.decode(first.data.experiments.pageInfo.endCursor)).toHaveLength(2);
  });

  it('refuses a NUL or a lone surrogate in any string argument, naming it, and stores nothing', async () => {
    const council = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    const before = await snapshot();
    const cases: [string, Record<string, unknown>, string, typeof editor | null][] = [
      ['mutation($input: RequestSignInInput!) { requestSignIn(input: $input) }', { input: { email: 'officer\u0000@example.gov.uk' } }, 'input.email', null],
      ['mutation($input: RequestSignInInput!) { requestSignIn(input: $input) }', { input: { email: 'officer\uD800@example.gov.uk' } }, 'input.email', null],
      ['mutation($input: CreateExperimentInput!) { createExperiment(input: $input) { id } }', { input: { title: 'Fine title', summary: 'Bad \uDC00 summary' } }, 'input.summary', editor],
      ['mutation { createExperiment(input: { title: "Nul \\u0000 in a literal", summary: "s" }) { id } }', {}, 'input.title', editor],
      ['query($q: String!) { search(query: $q) { degraded } }', { q: 'housing\u0000' }, 'query', null],
      ['query($slug: String!) { experiment(slug: $slug) { id } }', { slug: '\uD83D' }, 'slug', null],
    ];
    for (const [query, variables, field, as] of cases) {
      const result = await h.run(query, variables, as);
      expect(result.errors?.[0]?.extensions, `${query} ${field}`).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    // A well-formed emoji (a surrogate pair) is fine.
    const emoji = await h.run('query($q: String!) { search(query: $q) { degraded } }', { q: 'housing 🏠' });
    expect(emoji.errors).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });

  it('answers null for a required field in an update with BAD_USER_INPUT on that field, changing nothing', async () => {
    const council = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    const experiment = await buildExperiment(h.em(), { lead: council });
    const before = await snapshot();
    const update = 'mutation($id: ID!, $input: UpdateExperimentInput!) { updateExperiment(id: $id, version: 1, input: $input) { id } }';
    for (const field of ['title', 'summary']) {
      const result = await h.run(update, { id: experiment.id, input: { [field]: null } }, editor);
      expect(result.errors?.[0]?.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
      expect(result.errors?.[0]?.extensions?.reason).toMatch(/cannot be null/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers a tiny number in exponent form (5e-324) for pence with BAD_USER_INPUT, not a crash in the validator', async () => {
    const council = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    const experiment = await buildExperiment(h.em(), { lead: council });
    const result = await h.run(
      'mutation($id: ID!, $input: AddOutcomeInput!) { addOutcome(experimentId: $id, input: $input) { id } }',
      { id: experiment.id, input: { title: 'Cost per person', verdict: 'WORKED', evaluationDesign: 'CASE_STUDY', evidenceLevel: 1, costPerParticipant: 5e-324 } },
      editor,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.costPerParticipant' });
  });

  it('answers a unique-constraint race with CONFLICT, not INTERNAL (the database refusing a second slug)', async () => {
    const council = await buildCouncil(h.em());
    // Two requests that both checked the slug was free: the second insert is refused by the database itself.
    const raced = Object.assign(new Organisation(), { slug: council.slug, name: council.name, officialName: council.officialName, kind: council.kind, nation: council.nation, region: council.region, gssCode: 'E09999999' });
    let caught: unknown;
    try {
      await h.em().persist(raced).flush();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeDefined();
    const formatted = formatError({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new GraphQLError('x', { originalError: caught as Error }));
    expect(formatted.extensions).toMatchObject({ code: 'CONFLICT', reason: 'unique' });
  });

  it('keeps a refusal’s own code and gives Apollo’s code-less 400s BAD_REQUEST (an ended session once came out as BAD_REQUEST)', () => {
    const ended = new GraphQLError('Your session has ended.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
    expect(formatError({ message: ended.message, extensions: { code: 'UNAUTHENTICATED' } }, ended).extensions?.code).toBe('UNAUTHENTICATED');
    const wrongHash = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    expect(formatError({ message: wrongHash.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrongHash).extensions?.code).toBe('BAD_REQUEST');
  });

  it('hides an unexpected error behind INTERNAL_SERVER_ERROR with a request id, and logs it', async () => {
    const formatted = formatError({ message: 'secret detail' }, new GraphQLError('secret detail', { originalError: new TypeError('x is undefined') }));
    expect(formatted.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(formatted.extensions?.requestId).toMatch(/^[\w-]{8,}$/);
    expect(formatted.message).toContain(String(formatted.extensions?.requestId));
    expect(formatted.message).not.toContain('secret detail');
  });
});
