import { ref } from '@mikro-orm/core';
import { ExperimentStatus, InterestLevel, MemberRole } from '@synapse/domain';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey } from '../src/modules/api-key/api-key.entity.js';
import { Artefact } from '../src/modules/artefact/artefact.entity.js';
import { CoEditorInvitation } from '../src/modules/co-editor-invitation/co-editor-invitation.entity.js';
import { Discussion } from '../src/modules/discussion/discussion.entity.js';
import { Post } from '../src/modules/discussion/post.entity.js';
import { ExperimentTeamMember } from '../src/modules/experiment/experiment-team-member.entity.js';
import { ArtefactFile, ScanStatus } from '../src/modules/file/artefact-file.entity.js';
import { sha256 } from '../src/modules/identity/tokens.js';
import { Interest } from '../src/modules/interest/interest.entity.js';
import type { Member } from '../src/modules/member/member.entity.js';
import { buildCouncil, buildExperiment, buildMember } from './factories.js';
import { createHarness, type Harness } from './harness.js';
import { FIELDS, type Actor, type Check, QUERIES, type Refusal, RULES_NEEDING_A_CHECK, type World } from './query-permission-table.js';

// Who may call every query and every field resolver, stated in query-permission-table.ts and checked here as the
// permission matrix (permissions.test.ts) checks mutations: the table must list every Query field and every
// @FieldResolver (a new one without a stated rule fails), and every rule narrower than "anyone" comes with a
// representative call that the right callers get an answer from and everyone else is refused.

let h: Harness;
let world: World;

async function buildWorld(): Promise<World> {
  const em = h.em();
  const lead = await buildCouncil(em);
  const other = await buildCouncil(em);
  const partner = await buildCouncil(em);
  const people = {
    unaffiliated: await buildMember(em, null, MemberRole.MEMBER),
    member: await buildMember(em, lead, MemberRole.MEMBER),
    editor: await buildMember(em, lead, MemberRole.EDITOR),
    admin: await buildMember(em, lead, MemberRole.ADMIN),
    otherEditor: await buildMember(em, other, MemberRole.EDITOR),
    otherMember: await buildMember(em, other, MemberRole.MEMBER),
    coEditor: await buildMember(em, partner, MemberRole.MEMBER),
    platformAdmin: await buildMember(em, null, MemberRole.MEMBER, { platformAdmin: true }),
    moderator: await buildMember(em, null, MemberRole.MEMBER, { moderator: true }),
  };
  const draft = await buildExperiment(em, { lead, status: ExperimentStatus.DRAFT });
  const published = await buildExperiment(em, { lead, artefacts: 1 });
  const forkOfDraft = await buildExperiment(em, { lead: other, forkOf: draft });
  const writer = h.em();
  const artefact = await writer.findOneOrFail(Artefact, { experiment: published.id });
  const file = Object.assign(new ArtefactFile(), {
    artefact: ref(artefact), number: 1, sha256: 'a'.repeat(64), byteSize: 10, contentType: 'text/plain', fileName: 'plan.txt', scanStatus: ScanStatus.CLEAN,
  });
  const apiKey = Object.assign(new ApiKey(), { organisation: ref(lead), name: 'Reads', prefix: `syn_${lead.id.replace(/[^a-z0-9]/gi, '').slice(0, 8)}`, secretHash: sha256(lead.id) });
  // otherEditor recorded the other council's interest and was invited to co-edit; coEditor is on the team.
  const interest = Object.assign(new Interest(), { experiment: ref(published), organisation: ref(other), member: ref(people.otherEditor), level: InterestLevel.TRYING });
  const invitation = Object.assign(new CoEditorInvitation(), { experiment: ref(published), member: ref(people.otherEditor) });
  const team = Object.assign(new ExperimentTeamMember(), { experiment: ref(published), member: ref(people.coEditor) });
  // A question from otherEditor; a team reply restored by a moderator (it has a reason); a hidden reply marked as the answer.
  const discussion = Object.assign(new Discussion(), { title: 'Who ran it?', experiment: ref(published), author: ref(people.otherEditor), replyCount: 2 });
  const hiddenDiscussion = Object.assign(new Discussion(), { title: 'Spam', experiment: ref(published), author: ref(people.otherEditor), hiddenAt: new Date() });
  const hiddenOpening = Object.assign(new Post(), { discussion: ref(hiddenDiscussion), author: ref(people.otherEditor), opening: true, body: 'S', bodyHtml: '<p>S</p>', hiddenAt: new Date() });
  const opening = Object.assign(new Post(), { discussion: ref(discussion), author: ref(people.otherEditor), opening: true, body: 'Q', bodyHtml: '<p>Q</p>' });
  const reply = Object.assign(new Post(), { discussion: ref(discussion), author: ref(people.member), fromTeam: true, body: 'A', bodyHtml: '<p>A</p>', moderationReason: 'Restored: on topic' });
  const hidden = Object.assign(new Post(), { discussion: ref(discussion), author: ref(people.member), body: 'B', bodyHtml: '<p>B</p>', hiddenAt: new Date(), moderationReason: 'Personal data' });
  writer.persist([file, apiKey, interest, invitation, team, discussion, opening, reply, hidden, hiddenDiscussion, hiddenOpening]);
  await writer.flush();
  discussion.answerPostId = hidden.id;
  await writer.flush();
  return { lead, people, apiKey, draft, published, forkOfDraft, discussion: { id: discussion.id, replyId: reply.id, hiddenReplyId: hidden.id, hiddenId: hiddenDiscussion.id } };
}

beforeAll(async () => {
  h = await createHarness();
  world = await buildWorld();
});
afterAll(async () => {
  await h.close();
});

const ACTORS: readonly Actor[] = ['anonymous', 'apiKey', 'unaffiliated', 'member', 'editor', 'admin', 'otherEditor', 'otherMember', 'coEditor', 'platformAdmin', 'moderator'];
const DENIED = ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'];

function principal(actor: Actor): Member | ApiKey | null {
  if (actor === 'anonymous') return null;
  if (actor === 'apiKey') return world.apiKey;
  return world.people[actor];
}

function isRefused(value: unknown, refusal: Refusal): boolean {
  if (refusal === 'null') return value === null;
  if (refusal === 'zero') return value === 0;
  return Array.isArray(value) && value.length === 0;
}

async function expectCheck(name: string, check: Check, actor: Actor): Promise<void> {
  const [query, variables] = check.run(world);
  const result = await h.run(query, variables, principal(actor));
  const allowed = check.allowed === 'everyone' || check.allowed.includes(actor);
  if (allowed || check.refused !== 'error') expect(result.errors, `${name} as ${actor}: ${JSON.stringify(result.errors)}`).toBeUndefined();
  if (!allowed && check.refused === 'error') {
    expect(result.errors?.map((error) => error.extensions?.code), `${name} as ${actor}`).toEqual([expect.toBeOneOf(DENIED)]);
    return;
  }
  const value = check.pick(result.data, world);
  expect(value, `${name} as ${actor}`).not.toBeUndefined();
  if (allowed && check.refused !== 'error') expect(isRefused(value, check.refused), `${name} as ${actor} is answered`).toBe(false);
  if (!allowed) expect(isRefused(value, check.refused as Refusal), `${name} as ${actor} is refused`).toBe(true);
}

describe('who may call each query', () => {
  it('states a rule for every query in the schema', async () => {
    const { getSchema } = await import('../src/graphql/schema.js');
    const queries = Object.keys((await getSchema()).getQueryType()!.getFields()).sort();
    expect(Object.keys(QUERIES).sort()).toEqual(queries);
  });

  it('checks every query narrower than "anyone" with a representative call', () => {
    const unchecked = Object.entries(QUERIES).filter(([, entry]) => RULES_NEEDING_A_CHECK.has(entry.rule) && !entry.check);
    expect(unchecked.map(([name]) => name)).toEqual([]);
  });

  for (const [name, { check }] of Object.entries(QUERIES)) {
    if (!check) continue;
    it.each(ACTORS)(`${name} as %s`, (actor) => expectCheck(name, check, actor));
  }
});

describe('who may see each field resolver', () => {
  it('states a rule for every field resolver', async () => {
    await import('../src/graphql/schema.js').then(({ getSchema }) => getSchema());
    const storage = getMetadataStorage();
    const typeName = (target: unknown) => storage.objectTypes.find((type) => type.target === target)?.name;
    const fields = storage.fieldResolvers.map((field) => `${typeName(field.getObjectType?.())}.${field.schemaName}`);
    expect(Object.keys(FIELDS).sort()).toEqual([...new Set(fields)].sort());
  });

  it('checks every field narrower than its object with a representative call', () => {
    const unchecked = Object.entries(FIELDS).filter(([, entry]) => RULES_NEEDING_A_CHECK.has(entry.rule) && !entry.check);
    expect(unchecked.map(([name]) => name)).toEqual([]);
  });

  for (const [name, { check }] of Object.entries(FIELDS)) {
    if (!check) continue;
    it.each(ACTORS)(`${name} as %s`, (actor) => expectCheck(name, check, actor));
  }
});
