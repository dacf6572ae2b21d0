import { ExperimentStatus, InterestLevel, MemberRole, Verdict } from '@synapse/domain';
import { ref } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey } from '../src/modules/api-key/api-key.entity.js';
import { Artefact } from '../src/modules/artefact/artefact.entity.js';
import { ExperimentTeamMember } from '../src/modules/experiment/experiment-team-member.entity.js';
import type { Experiment } from '../src/modules/experiment/experiment.entity.js';
import { sha256 } from '../src/modules/identity/tokens.js';
import type { Member } from '../src/modules/member/member.entity.js';
import { JoinRequest } from '../src/modules/membership/join-request.entity.js';
import { OrganisationDomain } from '../src/modules/membership/organisation-domain.entity.js';
import type { Organisation } from '../src/modules/organisation/organisation.entity.js';
import { Outcome } from '../src/modules/outcome/outcome.entity.js';
import { Discussion } from '../src/modules/discussion/discussion.entity.js';
import { Post } from '../src/modules/discussion/post.entity.js';
import { DeliveryStatus, Webhook, WebhookDelivery, WebhookEvent } from '../src/modules/webhook/webhook.entity.js';
import { Job, JobState } from '../src/modules/job/job.entity.js';
import { SavedSearch } from '../src/modules/saved-search/saved-search.entity.js';
import { Interest } from '../src/modules/interest/interest.entity.js';
import { CoEditorInvitation } from '../src/modules/co-editor-invitation/co-editor-invitation.entity.js';
import { buildCouncil, buildExperiment, buildMember } from './factories.js';
import { createHarness, errorCodes, type Harness } from './harness.js';

// The permission matrix: every mutation (a test below checks the list is complete), for every kind of caller, allowed or denied as designed; and
// drafts never visible to the wrong people through any query, search included. Each cell gets a world of
// its own, so destructive mutations never affect another cell.

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ search: true });
});
afterAll(async () => {
  await h.close();
});

const ACTORS = [
  'anonymous',
  'unaffiliated',
  'member',
  'editor',
  'admin',
  'otherEditor',
  'coEditor',
  'platformAdmin',
  'moderator',
  'apiKey',
] as const;
type Actor = (typeof ACTORS)[number];

interface World {
  lead: Organisation;
  other: Organisation;
  people: Record<Exclude<Actor, 'anonymous' | 'apiKey'> | 'secondAdmin' | 'applicant' | 'partnerFriend', Member>;
  apiKey: ApiKey;
  draft: Experiment;
  published: Experiment;
  outcome: Outcome;
  artefact: Artefact;
  joinRequest: JoinRequest;
  domain: OrganisationDomain;
  webhook: Webhook;
  delivery: WebhookDelivery;
  deadJob: Job;
  savedSearch: SavedSearch;
  tag: string;
  discussion: { id: string; replyId: string; hiddenReplyId: string; hiddenDiscussionId: string };
  /** A waiting invitation to otherEditor to co-edit the published experiment. */
  invitation: CoEditorInvitation;
}

const SIGNED_IN: Actor[] = ['unaffiliated', 'member', 'editor', 'admin', 'otherEditor', 'coEditor', 'platformAdmin', 'moderator'];

/** A question from another council on the published experiment, a team reply, a hidden reply, and a hidden question. */
async function buildConversation(people: World['people'], published: Experiment): Promise<World['discussion']> {
  const em = h.em();
  const discussion = Object.assign(new Discussion(), { title: 'How did you staff it?', experiment: ref(published), author: ref(people.otherEditor), replyCount: 1 });
  const hiddenDiscussion = Object.assign(new Discussion(), { title: 'Spam question here', experiment: ref(published), author: ref(people.otherEditor), hiddenAt: new Date() });
  const opening = Object.assign(new Post(), { discussion: ref(discussion), author: ref(people.otherEditor), opening: true, body: 'Q', bodyHtml: '<p>Q</p>' });
  const reply = Object.assign(new Post(), { discussion: ref(discussion), author: ref(people.member), fromTeam: true, body: 'A', bodyHtml: '<p>A</p>' });
  const hiddenReply = Object.assign(new Post(), { discussion: ref(discussion), author: ref(people.otherEditor), body: 'Rude words', bodyHtml: '<p>Rude words</p>', hiddenAt: new Date(), moderationReason: 'Abusive' });
  const hiddenOpening = Object.assign(new Post(), { discussion: ref(hiddenDiscussion), author: ref(people.otherEditor), opening: true, body: 'Spam', bodyHtml: '<p>Spam</p>', hiddenAt: new Date() });
  await em.persist([discussion, hiddenDiscussion, opening, reply, hiddenReply, hiddenOpening]).flush();
  return { id: discussion.id, replyId: reply.id, hiddenReplyId: hiddenReply.id, hiddenDiscussionId: hiddenDiscussion.id };
}

async function buildWorld(): Promise<World> {
  const em = h.em();
  const lead = await buildCouncil(em);
  const other = await buildCouncil(em);
  const partner = await buildCouncil(em);
  const tag = `zq${lead.id.slice(0, 8).replace(/[^a-z0-9]/g, '')}`;
  const people = {
    unaffiliated: await buildMember(em, null, MemberRole.MEMBER),
    member: await buildMember(em, lead, MemberRole.MEMBER),
    editor: await buildMember(em, lead, MemberRole.EDITOR),
    admin: await buildMember(em, lead, MemberRole.ADMIN),
    secondAdmin: await buildMember(em, lead, MemberRole.ADMIN),
    otherEditor: await buildMember(em, other, MemberRole.EDITOR),
    coEditor: await buildMember(em, partner, MemberRole.MEMBER),
    platformAdmin: await buildMember(em, null, MemberRole.MEMBER, { platformAdmin: true }),
    applicant: await buildMember(em, null, MemberRole.MEMBER),
    partnerFriend: await buildMember(em, partner, MemberRole.MEMBER),
    moderator: await buildMember(em, null, MemberRole.MEMBER, { moderator: true }),
  };
  const draft = await buildExperiment(em, {
    lead,
    status: ExperimentStatus.DRAFT,
    title: `Draft ${tag} experiment`,
    outcomes: [{ verdict: Verdict.WORKED }],
    artefacts: 1,
  });
  const published = await buildExperiment(em, { lead, title: `Published ${tag} experiment` });
  const writer = h.em();
  writer.persist(Object.assign(new ExperimentTeamMember(), { experiment: ref(draft), member: ref(people.coEditor) }));
  const apiKey = Object.assign(new ApiKey(), { organisation: ref(lead), name: 'Matrix key', prefix: `syn_${tag.slice(2, 10).padEnd(8, 'x')}`, secretHash: sha256(tag) });
  const joinRequest = Object.assign(new JoinRequest(), { member: ref(people.applicant), organisation: ref(lead) });
  const domain = Object.assign(new OrganisationDomain(), { domain: `${tag}.example`, organisation: ref(other) });
  const webhook = Object.assign(new Webhook(), { organisation: ref(lead), url: 'https://example.org/hook', events: [WebhookEvent.EXPERIMENT_PUBLISHED], secret: `whsec_${tag}` });
  const delivery = Object.assign(new WebhookDelivery(), { webhook: ref(webhook), event: WebhookEvent.EXPERIMENT_PUBLISHED, payload: {}, status: DeliveryStatus.FAILED, attempts: 8 });
  const deadJob = Object.assign(new Job(), { type: 'search.sync-experiment', key: `dead-${tag}`, payload: { experimentId: draft.id }, state: JobState.DEAD, attempts: 50, lastError: 'engine unreachable' });
  const savedSearch = Object.assign(new SavedSearch(), { member: ref(people.member), name: 'Befriending', query: 'befriending', fingerprint: `fp-${tag}` });
  // partnerFriend said they are trying the published experiment (so may be invited); otherEditor is invited already.
  const interest = Object.assign(new Interest(), { experiment: ref(published), organisation: ref(partner), member: ref(people.partnerFriend), level: InterestLevel.TRYING });
  const invitation = Object.assign(new CoEditorInvitation(), { experiment: ref(published), member: ref(people.otherEditor) });
  writer.persist([apiKey, joinRequest, domain, webhook, delivery, deadJob, interest, invitation, savedSearch]);
  await writer.flush();
  const outcome = await h.em().findOneOrFail(Outcome, { experiment: draft.id });
  const artefact = await h.em().findOneOrFail(Artefact, { experiment: draft.id });
  const discussion = await buildConversation(people, published);
  return { lead, other, people, apiKey, draft, published, outcome, artefact, joinRequest, domain, webhook, delivery, deadJob, savedSearch, tag, discussion, invitation };
}

function principal(world: World, actor: Actor): Member | ApiKey | null {
  if (actor === 'anonymous') return null;
  if (actor === 'apiKey') return world.apiKey;
  return world.people[actor];
}

type Cell = (w: World) => [string, Record<string, unknown>];

const MUTATIONS: Record<string, { run: Cell; allowed: Actor[]; open?: boolean }> = {
  createExperiment: {
    run: () => ['mutation { createExperiment(input: { title: "A new pilot", summary: "Something." }) { id } }', {}],
    allowed: ['editor', 'admin', 'otherEditor'],
  },
  updateExperiment: {
    run: (w) => ['mutation($id: ID!) { updateExperiment(id: $id, version: 1, input: { title: "Renamed pilot" }) { id } }', { id: w.draft.id }],
    allowed: ['editor', 'admin', 'coEditor'],
  },
  publishExperiment: {
    run: (w) => ['mutation($id: ID!) { publishExperiment(id: $id, version: 1) { id } }', { id: w.draft.id }],
    allowed: ['editor', 'admin'],
  },
  archiveExperiment: {
    run: (w) => ['mutation($id: ID!) { archiveExperiment(id: $id, version: 1) { id } }', { id: w.published.id }],
    allowed: ['admin'],
  },
  withdrawExperiment: {
    run: (w) => [
      'mutation($id: ID!) { withdrawExperiment(input: { id: $id, version: 1, reason: "Superseded by the 2026 evaluation." }) { id } }',
      { id: w.published.id },
    ],
    allowed: ['editor', 'admin'],
  },
  deleteDraftExperiment: {
    run: (w) => ['mutation($id: ID!) { deleteDraftExperiment(id: $id, version: 1) }', { id: w.draft.id }],
    allowed: ['editor', 'admin'],
  },
  addOutcome: {
    run: (w) => [
      'mutation($id: ID!) { addOutcome(experimentId: $id, input: { title: "Found this", verdict: MIXED, evaluationDesign: CASE_STUDY, evidenceLevel: 1 }) { id } }',
      { id: w.draft.id },
    ],
    allowed: ['editor', 'admin', 'coEditor'],
  },
  updateOutcome: {
    run: (w) => ['mutation($id: ID!) { updateOutcome(id: $id, version: 1, input: { verdict: NO_EFFECT }) { id } }', { id: w.outcome.id }],
    allowed: ['editor', 'admin', 'coEditor'],
  },
  removeOutcome: {
    run: (w) => ['mutation($id: ID!) { removeOutcome(id: $id, version: 1) }', { id: w.outcome.id }],
    allowed: ['editor', 'admin', 'coEditor'],
  },
  addArtefact: {
    run: (w) => [
      'mutation($id: ID!) { addArtefact(experimentId: $id, input: { type: TEMPLATE, title: "A template", licence: OGL_3, url: "https://example.org/t" }) { id } }',
      { id: w.draft.id },
    ],
    allowed: ['editor', 'admin', 'coEditor'],
  },
  createUpload: {
    run: () => ['mutation { createUpload(input: { fileName: "case.pdf", contentType: "application/pdf", byteSize: 1000 }) { id } }', {}],
    allowed: ['editor', 'admin', 'otherEditor', 'coEditor'],
  },
  updateArtefact: {
    run: (w) => ['mutation($id: ID!) { updateArtefact(id: $id, version: 1, input: { title: "Renamed toolkit" }) { id } }', { id: w.artefact.id }],
    allowed: ['editor', 'admin', 'coEditor'],
  },
  removeArtefact: {
    run: (w) => ['mutation($id: ID!) { removeArtefact(id: $id, version: 1) }', { id: w.artefact.id }],
    allowed: ['editor', 'admin', 'coEditor'],
  },
  addCoEditor: {
    run: (w) => ['mutation($id: ID!, $email: String!) { addCoEditor(input: { experimentId: $id, email: $email }) { id } }', { id: w.draft.id, email: w.people.partnerFriend.email }],
    allowed: ['editor', 'admin'],
  },
  removeCoEditor: {
    run: (w) => ['mutation($id: ID!, $member: ID!) { removeCoEditor(experimentId: $id, memberId: $member) { id } }', { id: w.draft.id, member: w.people.coEditor.id }],
    allowed: ['editor', 'admin'],
  },
  createPartnerOrganisation: {
    run: (w) => ['mutation($name: String!) { createPartnerOrganisation(input: { name: $name, kind: VOLUNTARY_AND_COMMUNITY }) { slug } }', { name: `Friends of ${w.tag}` }],
    allowed: ['platformAdmin'],
  },
  addOrganisationDomain: {
    run: (w) => ['mutation($org: ID!, $domain: String!) { addOrganisationDomain(input: { organisationId: $org, domain: $domain }) { id } }', { org: w.lead.id, domain: `${w.tag}-new.example` }],
    allowed: ['platformAdmin'],
  },
  removeOrganisationDomain: {
    run: (w) => ['mutation($id: ID!) { removeOrganisationDomain(id: $id) }', { id: w.domain.id }],
    allowed: ['platformAdmin'],
  },
  requestToJoinOrganisation: {
    run: (w) => ['mutation($org: ID!) { requestToJoinOrganisation(input: { organisationId: $org, message: "Hello" }) { id } }', { org: w.lead.id }],
    allowed: ['unaffiliated', 'platformAdmin', 'moderator'],
  },
  decideJoinRequest: {
    run: (w) => ['mutation($id: ID!) { decideJoinRequest(id: $id, approve: true) { status } }', { id: w.joinRequest.id }],
    allowed: ['admin', 'platformAdmin'],
  },
  setMemberRole: {
    run: (w) => ['mutation($id: ID!) { setMemberRole(input: { memberId: $id, role: EDITOR }) { role } }', { id: w.people.member.id }],
    allowed: ['admin', 'platformAdmin'],
  },
  removeMember: {
    run: (w) => ['mutation($id: ID!) { removeMember(memberId: $id) { id } }', { id: w.people.member.id }],
    allowed: ['admin', 'platformAdmin'],
  },
  createApiKey: {
    run: (w) => ['mutation($org: ID!) { createApiKey(input: { organisationId: $org, name: "Dashboard" }) { secret } }', { org: w.lead.id }],
    allowed: ['admin'],
  },
  revokeApiKey: {
    run: (w) => ['mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: w.apiKey.id }],
    allowed: ['admin'],
  },
  signOut: {
    run: () => ['mutation { signOut }', {}],
    allowed: SIGNED_IN,
  },
  signOutEverywhere: {
    run: () => ['mutation { signOutEverywhere }', {}],
    allowed: SIGNED_IN,
  },
  updateProfile: {
    run: () => ['mutation { updateProfile(input: { name: "Sam Okafor", jobTitle: "Revenues manager" }) { id } }', {}],
    allowed: SIGNED_IN,
  },
  deleteMyAccount: {
    run: () => ['mutation { deleteMyAccount }', {}],
    allowed: SIGNED_IN,
  },
  forkExperiment: {
    run: (w) => ['mutation($id: ID!) { forkExperiment(input: { experimentId: $id, adaptationNotes: "Adapted for a rural district." }) { id } }', { id: w.published.id }],
    allowed: ['editor', 'admin', 'otherEditor'],
  },
  follow: {
    run: (w) => ['mutation($id: String!) { follow(input: { target: EXPERIMENT, key: $id }) { id } }', { id: w.published.id }],
    allowed: SIGNED_IN,
  },
  unfollow: {
    run: () => ['mutation { unfollow(input: { target: THEME, key: "prevention" }) }', {}],
    allowed: SIGNED_IN,
  },
  markNotificationsRead: {
    run: () => ['mutation { markNotificationsRead }', {}],
    allowed: SIGNED_IN,
  },
  setNotificationDigest: {
    run: () => ['mutation { setNotificationDigest(input: { frequency: WEEKLY }) { digest } }', {}],
    allowed: SIGNED_IN,
  },
  createWebhook: {
    run: (w) => ['mutation($org: ID!) { createWebhook(input: { organisationId: $org, url: "https://93.184.215.14/hook", events: [EXPERIMENT_PUBLISHED] }) { secret } }', { org: w.lead.id }],
    allowed: ['admin'],
  },
  deleteWebhook: {
    run: (w) => ['mutation($id: ID!) { deleteWebhook(id: $id) }', { id: w.webhook.id }],
    allowed: ['admin'],
  },
  replayWebhookDelivery: {
    run: (w) => ['mutation($id: ID!) { replayWebhookDelivery(id: $id) { status } }', { id: w.delivery.id }],
    allowed: ['admin'],
  },
  startDiscussion: {
    run: (w) => ['mutation($id: ID!) { startDiscussion(input: { experimentId: $id, title: "Who ran the training?", body: "Asking." }) { id } }', { id: w.published.id }],
    allowed: SIGNED_IN,
  },
  replyToDiscussion: {
    run: (w) => ['mutation($id: ID!) { replyToDiscussion(input: { discussionId: $id, body: "Same here." }) { id } }', { id: w.discussion.id }],
    allowed: SIGNED_IN,
  },
  markAnswer: {
    run: (w) => ['mutation($id: ID!) { markAnswer(input: { postId: $id }) { answered } }', { id: w.discussion.replyId }],
    // The asker (otherEditor), the published experiment's team, and moderators.
    allowed: ['member', 'editor', 'admin', 'otherEditor', 'platformAdmin', 'moderator'],
  },
  editPost: {
    run: (w) => ['mutation($id: ID!) { editPost(input: { postId: $id, body: "Corrected." }) { id } }', { id: w.discussion.replyId }],
    allowed: ['member'],
  },
  deletePost: {
    run: (w) => ['mutation($id: ID!) { deletePost(id: $id) }', { id: w.discussion.replyId }],
    allowed: ['member'],
  },
  reportPost: {
    run: (w) => ['mutation($id: ID!) { reportPost(input: { postId: $id, reason: "Off topic" }) { id } }', { id: w.discussion.replyId }],
    allowed: SIGNED_IN.filter((actor) => actor !== 'member'),
  },
  moderatePost: {
    run: (w) => ['mutation($id: ID!) { moderatePost(input: { postId: $id, action: HIDE, reason: "Off topic" }) { id } }', { id: w.discussion.replyId }],
    allowed: ['admin', 'platformAdmin', 'moderator'],
  },
  lockDiscussion: {
    run: (w) => ['mutation($id: ID!) { lockDiscussion(input: { discussionId: $id, reason: "Heated" }) { lockedAt } }', { id: w.discussion.id }],
    allowed: ['admin', 'platformAdmin', 'moderator'],
  },
  followDiscussion: {
    run: (w) => ['mutation($id: ID!) { followDiscussion(input: { discussionId: $id }) { id } }', { id: w.discussion.id }],
    allowed: SIGNED_IN,
  },
  setInterest: {
    run: (w) => ['mutation($id: ID!) { setInterest(input: { experimentId: $id, level: CONSIDERING }) { id } }', { id: w.published.id }],
    // Members of an organisation other than the lead one.
    allowed: ['otherEditor', 'coEditor'],
  },
  inviteCoEditor: {
    run: (w) => ['mutation($e: ID!, $m: ID!) { inviteCoEditor(input: { experimentId: $e, memberId: $m }) { id } }', { e: w.published.id, m: w.people.partnerFriend.id }],
    allowed: ['editor', 'admin'],
  },
  respondToCoEditorInvitation: {
    run: (w) => ['mutation($id: ID!) { respondToCoEditorInvitation(id: $id, accept: true) { id } }', { id: w.invitation.id }],
    // Only the person invited.
    allowed: ['otherEditor'],
  },
  withdrawCoEditorInvitation: {
    run: (w) => ['mutation($id: ID!) { withdrawCoEditorInvitation(id: $id) { id } }', { id: w.invitation.id }],
    allowed: ['editor', 'admin'],
  },
  appointModerator: {
    run: (w) => ['mutation($id: ID!) { appointModerator(input: { memberId: $id }) { moderator } }', { id: w.people.member.id }],
    allowed: ['platformAdmin'],
  },
  confirmExperimentStillAccurate: {
    run: (w) => ['mutation($id: ID!) { confirmExperimentStillAccurate(id: $id) { lastReviewedOn } }', { id: w.published.id }],
    allowed: ['editor', 'admin'],
  },
  registerMeasures: {
    run: (w) => [
      'mutation($id: ID!) { registerMeasures(experimentId: $id, input: { measures: [{ name: "Visits", goodDirection: UP }], evaluationDesign: BEFORE_AFTER, targetEvidenceLevel: 2 }) { id } }',
      { id: w.published.id },
    ],
    allowed: ['editor', 'admin'],
  },
  setReminderSettings: {
    run: () => ['mutation { setReminderSettings(input: { enabled: false }) { enabled } }', {}],
    allowed: SIGNED_IN,
  },
  retryJob: {
    run: (w) => ['mutation($id: ID!) { retryJob(id: $id) { id state attempts } }', { id: w.deadJob.id }],
    allowed: ['platformAdmin'],
  },
  retryDeadJobs: {
    run: () => ['mutation { retryDeadJobs }', {}],
    allowed: ['platformAdmin'],
  },
  saveSearch: {
    run: () => ['mutation { saveSearch(input: { query: "lonely", filter: { serviceAreas: ["adult-social-care"] } }) { id } }', {}],
    allowed: SIGNED_IN,
  },
  deleteSavedSearch: {
    run: (w) => ['mutation($id: ID!) { deleteSavedSearch(id: $id) }', { id: w.savedSearch.id }],
    // Only the member who saved it.
    allowed: ['member'],
  },
  requestSignIn: {
    run: (w) => ['mutation($email: String!) { requestSignIn(input: { email: $email }) }', { email: `someone@${w.tag}.example` }],
    allowed: [...ACTORS],
  },
};

const DENIED = ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'];

describe('the permission matrix', () => {
  it('covers every mutation in the schema', async () => {
    const { getSchema } = await import('../src/graphql/schema.js');
    const mutations = Object.keys((await getSchema()).getMutationType()!.getFields()).sort();
    expect(Object.keys(MUTATIONS).concat('completeSignIn').sort()).toEqual(mutations);
  });

  for (const [mutation, { run, allowed }] of Object.entries(MUTATIONS)) {
    it.each(ACTORS.map((actor) => [actor, allowed.includes(actor)] as const))(`${mutation} as %s: allowed %s`, async (actor, expected) => {
      const world = await buildWorld();
      const [query, variables] = run(world);
      const result = await h.run(query, variables, principal(world, actor));
      if (expected) {
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        expect(result.data?.[mutation]).not.toBeNull();
      } else {
        expect(result.errors?.map((e) => e.extensions?.code)).toEqual([expect.toBeOneOf(DENIED)]);
      }
    });
  }
});

describe('drafts are visible only to their team, through every query', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
    await h.syncSearch();
  });

  const TEAM: Actor[] = ['member', 'editor', 'admin', 'coEditor'];

  it.each(ACTORS.map((actor) => [actor, TEAM.includes(actor)] as const))('as %s, sees the draft: %s', async (actor, sees) => {
    const as = principal(world, actor);
    const one = await h.run('query($id: ID) { experiment(id: $id) { title } }', { id: world.draft.id }, as);
    const bySlug = await h.run('query($slug: String) { experiment(slug: $slug) { title } }', { slug: world.draft.slug }, as);
    const list = await h.run(
      'query($org: String!) { experiments(first: 50, filter: { organisations: [$org], statuses: [DRAFT, PUBLISHED, ARCHIVED] }) { nodes { id } } }',
      { org: world.lead.gssCode },
      as,
    );
    const search = await h.run('query($q: String!) { search(query: $q) { degraded hits { experiment { id } } } }', { q: world.tag }, as);
    const suggestions = await h.run('query($p: String!) { searchSuggestions(prefix: $p) { slug } }', { p: world.tag }, as);
    const outcomeSeen = list.data?.experiments.nodes.some((n: { id: string }) => n.id === world.draft.id);

    expect(one.data?.experiment !== null).toBe(sees);
    expect(bySlug.data?.experiment !== null).toBe(sees);
    expect(outcomeSeen).toBe(sees);
    // Search never shows drafts, not even to their team (drafts are not indexed at all).
    expect(search.data.search.degraded).toBe(false);
    expect(search.data.search.hits.map((hit: { experiment: { id: string } }) => hit.experiment.id)).not.toContain(world.draft.id);
    expect(search.data.search.hits.map((hit: { experiment: { id: string } }) => hit.experiment.id)).toContain(world.published.id);
    expect(suggestions.data.searchSuggestions.map((s: { slug: string }) => s.slug)).not.toContain(world.draft.slug);
  });
});

describe('hidden posts are visible only to moderators, through every query', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  // Lead organisation admins moderate discussions on their experiments; platform admins and moderators everywhere.
  const MODERATORS: Actor[] = ['admin', 'platformAdmin', 'moderator'];

  it.each(ACTORS.map((actor) => [actor, MODERATORS.includes(actor)] as const))('as %s, sees hidden posts: %s', async (actor, sees) => {
    const as = principal(world, actor);
    const read = await h.run('query($id: ID!) { discussion(id: $id) { posts(first: 10) { nodes { id body moderationReason } } } }', { id: world.discussion.id }, as);
    const ids = read.data.discussion.posts.nodes.map((post: { id: string }) => post.id);
    expect(ids).toContain(world.discussion.replyId);
    expect(ids.includes(world.discussion.hiddenReplyId)).toBe(sees);
    const hiddenQuestion = await h.run('query($id: ID!) { discussion(id: $id) { id } }', { id: world.discussion.hiddenDiscussionId }, as);
    expect(hiddenQuestion.data.discussion !== null).toBe(sees);
    const list = await h.run('query($id: ID!) { experiment(id: $id) { discussionCount discussions(first: 10) { nodes { id } } } }', { id: world.published.id }, as);
    expect(list.data.experiment.discussionCount).toBe(1);
    const listed = list.data.experiment.discussions.nodes.map((node: { id: string }) => node.id);
    expect(listed).toContain(world.discussion.id);
    // Lists leave hidden discussions out for everyone but network moderators, who also see them in the queue.
    expect(listed.includes(world.discussion.hiddenDiscussionId)).toBe(actor === 'platformAdmin' || actor === 'moderator');
    const report = await h.run('mutation($id: ID!) { reportPost(input: { postId: $id, reason: "Still rude" }) { id } }', { id: world.discussion.hiddenReplyId }, as);
    if (!sees) expect(errorCodes(report)).toEqual([expect.toBeOneOf(DENIED)]);
  });
});

describe('dead background jobs', () => {
  it.each(ACTORS.map((actor) => [actor, actor === 'platformAdmin'] as const))('as %s, are listed: %s', async (actor, sees) => {
    const world = await buildWorld();
    const result = await h.run('{ deadJobs(first: 500) { id type state attempts lastError payload } }', {}, principal(world, actor));
    if (sees) {
      expect(result.errors).toBeUndefined();
      expect(result.data.deadJobs).toContainEqual({
        id: world.deadJob.id,
        type: 'search.sync-experiment',
        state: 'DEAD',
        attempts: 50,
        lastError: 'engine unreachable',
        payload: { experimentId: world.draft.id },
      });
    } else {
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual([expect.toBeOneOf(DENIED)]);
    }
  });
});
