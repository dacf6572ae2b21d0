import type { ApiKey } from '../src/modules/api-key/api-key.entity.js';
import type { Experiment } from '../src/modules/experiment/experiment.entity.js';
import type { Member } from '../src/modules/member/member.entity.js';
import type { Organisation } from '../src/modules/organisation/organisation.entity.js';

// Who may call each query and see each field resolver's answer: the reads' half of the permission matrix
// (query-permissions.test.ts checks this table against the schema and runs every check in it). Adding a query or
// a @FieldResolver means adding a line here that says who may call it.

export type Actor =
  | 'anonymous'
  | 'apiKey'
  | 'unaffiliated'
  | 'member'
  | 'editor'
  | 'admin'
  | 'otherEditor'
  | 'otherMember'
  | 'coEditor'
  | 'platformAdmin'
  | 'moderator';

/** The data every check runs against: a lead council and its people, another council, a partner co-editor. */
export interface World {
  lead: Organisation;
  people: Record<Exclude<Actor, 'anonymous' | 'apiKey'>, Member>;
  apiKey: ApiKey;
  draft: Experiment;
  /** Published by the lead council; coEditor is on its team; otherEditor recorded interest and is invited to co-edit. */
  published: Experiment;
  /** Another council's published adaptation of the draft (only the draft's team may see its forkParent). */
  forkOfDraft: Experiment;
  /** A question on the published experiment, a restored team reply, a hidden reply marked as the answer, a hidden question. */
  discussion: { id: string; replyId: string; hiddenReplyId: string; hiddenId: string };
}

export const RULES = {
  anyone: 'Anyone, signed in or not; public data only.',
  viewer: 'Anyone; it answers about the caller only (null, 0 or false when signed out).',
  parent: 'Whoever may see the object it is on: that object’s query or field states the rule.',
  visible: 'Anyone, answered with only what they may see: drafts to their team, hidden discussions and posts to moderators.',
  signedIn: 'A signed-in person, about themselves; others are refused.',
  self: 'Only the person it is about (null for everyone else).',
  editorOrAdmin: 'Editors and admins of an organisation, about their organisation.',
  team: 'The experiment’s team: its lead organisation’s members and named co-editors (null for everyone else).',
  orgMembers: 'The organisation’s members, and platform admins.',
  orgAdmin: 'The organisation’s admins (and platform admins where the check says so).',
  moderators: 'Moderators: platform admins and moderators, and the lead organisation’s admins on its own experiments.',
  platformAdmin: 'Platform admins only.',
  invited: 'The experiment’s team and the person invited.',
} as const;
export type Rule = keyof typeof RULES;

/** Rules narrower than "whoever may see it anyway": each needs a representative check. */
export const RULES_NEEDING_A_CHECK: ReadonlySet<Rule> = new Set<Rule>(['visible', 'signedIn', 'self', 'editorOrAdmin', 'team', 'orgMembers', 'orgAdmin', 'moderators', 'platformAdmin', 'invited']);

/** How a refused caller is told: an error (FORBIDDEN, UNAUTHENTICATED, NOT_FOUND), or an empty answer. */
export type Refusal = 'error' | 'null' | 'empty' | 'zero';

export interface Check {
  run: (w: World) => [string, Record<string, unknown>];
  /** The answer checked (not needed when refusal is an error). */
  pick: (data: any, w: World) => unknown;
  allowed: readonly Actor[] | 'everyone';
  refused: Refusal;
}

export interface Entry {
  rule: Rule;
  check?: Check;
}

const PEOPLE: Actor[] = ['unaffiliated', 'member', 'editor', 'admin', 'otherEditor', 'otherMember', 'coEditor', 'platformAdmin', 'moderator'];
const LEAD_TEAM: Actor[] = ['member', 'editor', 'admin'];
const MODERATORS: Actor[] = ['admin', 'platformAdmin', 'moderator'];
const root = (field: string) => (data: any) => data?.[field];
const ids = (nodes: { id: string }[] | undefined, id: string) => nodes?.filter((node) => node.id === id);

/** A query every signed-in person may call and everyone else is refused with an error. */
const signedIn = (name: string, fields = ''): Entry => ({ rule: 'signedIn', check: { run: () => [`{ ${name} ${fields} }`, {}], pick: root(name), allowed: PEOPLE, refused: 'error' } });

const PUBLISHED_EXPERIMENT = 'query($id: ID!) { experiment(id: $id) {';
const DISCUSSION = 'query($id: ID!) { discussion(id: $id) {';

export const QUERIES: Record<string, Entry> = {
  attention: { rule: 'editorOrAdmin', check: { run: () => ['{ attention { __typename } }', {}], pick: root('attention'), allowed: ['editor', 'admin', 'otherEditor'], refused: 'error' } },
  auditLog: {
    rule: 'orgAdmin',
    check: { run: (w) => ['query($id: ID!) { auditLog(organisationId: $id) { totalCount } }', { id: w.lead.id }], pick: root('auditLog'), allowed: ['admin', 'platformAdmin'], refused: 'error' },
  },
  currentSession: { rule: 'viewer' },
  deadJobs: { rule: 'platformAdmin', check: { run: () => ['{ deadJobs { id } }', {}], pick: root('deadJobs'), allowed: ['platformAdmin'], refused: 'error' } },
  discussion: {
    rule: 'visible',
    check: { run: (w) => [`${DISCUSSION} id } }`, { id: w.discussion.hiddenId }], pick: root('discussion'), allowed: MODERATORS, refused: 'null' },
  },
  discussions: {
    rule: 'visible',
    check: {
      run: () => ['{ discussions(first: 50) { nodes { id } } }', {}],
      pick: (data, w) => ids(data.discussions.nodes, w.discussion.hiddenId),
      // Lists leave hidden discussions out for everyone but network moderators (lead admins see them on the experiment).
      allowed: ['platformAdmin', 'moderator'],
      refused: 'empty',
    },
  },
  experiment: {
    rule: 'visible',
    check: { run: (w) => [`query($id: ID!) { experiment(id: $id) { id } }`, { id: w.draft.id }], pick: root('experiment'), allowed: LEAD_TEAM, refused: 'null' },
  },
  experiments: {
    rule: 'visible',
    check: {
      run: (w) => ['query($org: String!) { experiments(first: 50, filter: { organisations: [$org], statuses: [DRAFT, PUBLISHED, ARCHIVED] }) { nodes { id } } }', { org: w.lead.gssCode }],
      pick: (data, w) => ids(data.experiments.nodes, w.draft.id),
      allowed: LEAD_TEAM,
      refused: 'empty',
    },
  },
  myFollows: signedIn('myFollows', '{ id }'),
  myPersonalData: signedIn('myPersonalData'),
  mySavedSearches: signedIn('mySavedSearches', '{ id }'),
  notifications: signedIn('notifications', '{ totalCount }'),
  organisation: { rule: 'anyone' },
  organisations: { rule: 'anyone' },
  postReports: { rule: 'moderators', check: { run: () => ['{ postReports { totalCount } }', {}], pick: root('postReports'), allowed: MODERATORS, refused: 'error' } },
  reminderSettings: { rule: 'viewer', check: { run: () => ['{ reminderSettings { enabled } }', {}], pick: root('reminderSettings'), allowed: PEOPLE, refused: 'null' } },
  search: { rule: 'anyone' },
  searchDiscussions: { rule: 'anyone' },
  searchSuggestions: { rule: 'anyone' },
  serviceAreas: { rule: 'anyone' },
  signInMethods: { rule: 'anyone' },
  statistics: { rule: 'anyone', check: { run: () => ['{ statistics { councils } }', {}], pick: root('statistics'), allowed: 'everyone', refused: 'null' } },
  unreadNotificationCount: { rule: 'viewer' },
  viewer: { rule: 'viewer', check: { run: () => ['{ viewer { id } }', {}], pick: root('viewer'), allowed: PEOPLE, refused: 'null' } },
};

const parent: Entry = { rule: 'parent' };
const viewer: Entry = { rule: 'viewer' };
const onPublished = (fields: string, pick: (experiment: any, w: World) => unknown, allowed: readonly Actor[], refused: Refusal = 'null'): Entry['check'] => ({
  run: (w) => [`${PUBLISHED_EXPERIMENT} ${fields} } }`, { id: w.published.id }],
  pick: (data, w) => pick(data.experiment, w),
  allowed,
  refused,
});
const onDiscussion = (fields: string, pick: (discussion: any, w: World) => unknown, allowed: readonly Actor[], refused: Refusal = 'null'): Entry['check'] => ({
  run: (w) => [`${DISCUSSION} ${fields} } }`, { id: w.discussion.id }],
  pick: (data, w) => pick(data.discussion, w),
  allowed,
  refused,
});
const onLead = (fields: string, pick: (organisation: any) => unknown, allowed: readonly Actor[]): Entry['check'] => ({
  run: (w) => [`query($slug: String!) { organisation(slug: $slug) { ${fields} } }`, { slug: w.lead.slug }],
  pick: (data) => pick(data.organisation),
  allowed,
  refused: 'null',
});
const replyOf = (discussion: any, w: World) => discussion.posts.nodes.find((post: { id: string }) => post.id === w.discussion.replyId);
const TEAM: Actor[] = [...LEAD_TEAM, 'coEditor'];

export const FIELDS: Record<string, Entry> = {
  'Artefact.owner': parent,
  'Artefact.files': parent,
  'Artefact.file': parent,
  'Artefact.linkCheck': parent,
  'Artefact.reusedInAdaptations': parent,
  'Artefact.downloadCount': { rule: 'team', check: onPublished('artefacts { downloadCount }', (e) => e.artefacts[0].downloadCount, TEAM) },
  'Artefact.isReference': parent,
  'Artefact.reusable': parent,
  'Artefact.reuseWarning': parent,
  'Artefact.attribution': parent,
  'ArtefactFile.downloadUrl': parent,
  'ArtefactFile.downloadable': parent,
  'ArtefactFile.downloads': { rule: 'team', check: onPublished('artefacts { files { downloads } }', (e) => e.artefacts[0].files[0].downloads, TEAM) },
  'Experiment.leadOrganisation': parent,
  'Experiment.serviceAreas': parent,
  'Experiment.places': parent,
  'Experiment.partners': parent,
  'Experiment.stageHistory': parent,
  'Experiment.outcomes': parent,
  'Experiment.artefacts': parent,
  'Experiment.forkParent': {
    rule: 'visible',
    check: { run: (w) => ['query($id: ID!) { experiment(id: $id) { forkParent { id } } }', { id: w.forkOfDraft.id }], pick: (data) => data.experiment.forkParent, allowed: LEAD_TEAM, refused: 'null' },
  },
  'Experiment.coEditors': { rule: 'team', check: onPublished('coEditors { id }', (e) => e.coEditors, TEAM) },
  'Experiment.viewerCan': viewer,
  'Experiment.changeHistory': parent,
  'Experiment.lineage': parent,
  'Experiment.forkCount': parent,
  'Experiment.viewerAdaptations': viewer,
  'Experiment.familySummary': parent,
  'Experiment.viewerFollows': viewer,
  'Experiment.triedInSimilarCouncils': parent,
  'Experiment.discussions': {
    rule: 'visible',
    check: onPublished('discussions(first: 10) { nodes { id } }', (e, w) => ids(e.discussions.nodes, w.discussion.hiddenId), ['platformAdmin', 'moderator'], 'empty'),
  },
  'Experiment.discussionCount': parent,
  'Experiment.citedIn': parent,
  'Experiment.interest': parent,
  'Experiment.lastUpdatedAt': parent,
  'Experiment.reviewDueOn': parent,
  'Experiment.reviewOverdue': parent,
  'Experiment.resultsOverdue': parent,
  'Experiment.registered': parent,
  'Experiment.registration': parent,
  'Experiment.measureComparison': parent,
  'ExperimentPartner.organisation': parent,
  'Notification.experiment': parent,
  'Notification.discussion': parent,
  'Notification.coEditorInvitation': parent,
  'Webhook.deliveries': parent,
  'Organisation.webhooks': { rule: 'orgAdmin', check: onLead('webhooks { id }', (o) => o.webhooks, ['admin']) },
  'Organisation.domains': parent,
  'Organisation.members': { rule: 'orgMembers', check: onLead('members { id }', (o) => o.members, [...LEAD_TEAM, 'platformAdmin']) },
  'Organisation.joinRequests': { rule: 'orgAdmin', check: onLead('joinRequests { id }', (o) => o.joinRequests, ['admin', 'platformAdmin']) },
  'Organisation.apiKeys': { rule: 'orgAdmin', check: onLead('apiKeys { id }', (o) => o.apiKeys, ['admin']) },
  'Organisation.viewerCan': viewer,
  'Organisation.hexPosition': parent,
  'Organisation.similarCouncils': parent,
  'Organisation.alternativeNames': parent,
  'JoinRequest.member': parent,
  'JoinRequest.organisation': parent,
  'Member.email': { rule: 'self', check: onDiscussion('author { email }', (d) => d.author.email, ['otherEditor']) },
  'Member.organisation': parent,
  'Discussion.experiment': parent,
  'Discussion.author': parent,
  'Discussion.serviceAreas': parent,
  'Discussion.themes': parent,
  'Discussion.answered': parent,
  'Discussion.hidden': parent,
  'Discussion.openingPost': parent,
  'Discussion.answer': { rule: 'visible', check: onDiscussion('answer { id }', (d) => d.answer, MODERATORS) },
  'Discussion.posts': { rule: 'visible', check: onDiscussion('posts(first: 10) { nodes { id } }', (d, w) => ids(d.posts.nodes, w.discussion.hiddenReplyId), MODERATORS, 'empty') },
  'Discussion.viewerFollows': viewer,
  'Discussion.viewerCan': viewer,
  'PostReport.post': parent,
  'PostReport.reporter': parent,
  'Post.discussion': parent,
  'Post.author': parent,
  'Post.body': parent,
  'Post.bodyHtml': parent,
  'Post.hidden': parent,
  'Post.isAnswer': parent,
  'Post.citations': parent,
  'Post.moderationReason': { rule: 'moderators', check: onDiscussion('posts(first: 10) { nodes { id moderationReason } }', (d, w) => replyOf(d, w).moderationReason, MODERATORS) },
  'Post.revisions': { rule: 'moderators', check: onDiscussion('posts(first: 10) { nodes { id revisions { body } } }', (d, w) => replyOf(d, w).revisions, MODERATORS) },
  'Post.viewerCan': viewer,
  'ExperimentInterest.entries': { rule: 'team', check: onPublished('interest { entries { id } }', (e) => e.interest.entries, TEAM) },
  'ExperimentInterest.mine': viewer,
  'Interest.organisation': parent,
  'Interest.member': parent,
  'Interest.coEditorInvitation': {
    rule: 'invited',
    // Through "mine": otherMember sees the other council's interest too, but not the invitation sent to its colleague.
    check: onPublished('interest { mine { coEditorInvitation { id } } }', (e) => e.interest.mine?.coEditorInvitation ?? null, ['otherEditor']),
  },
  'Interest.viewerCan': viewer,
  'SavedSearch.criteria': parent,
  'SavedSearch.searchPath': parent,
  'SavedSearch.feedUrl': parent,
  'CoEditorInvitation.experiment': parent,
  'CoEditorInvitation.member': parent,
  'CoEditorInvitation.viewerCan': viewer,
  'NetworkStatistics.resultsReporting': parent,
  'NetworkStatistics.resultsReportingByServiceArea': parent,
};
