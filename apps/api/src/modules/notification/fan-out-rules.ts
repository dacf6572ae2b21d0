import { ExperimentStatus, STAGE_LABELS, VERDICT_LABELS } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { ExperimentTeamMember } from '../experiment/experiment-team-member.entity.js';
import { coEditorInvitationFanOut } from '../co-editor-invitation/co-editor-invitation-notifications.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Member } from '../member/member.entity.js';
import { type DomainEvent, EventKind } from './domain-event.entity.js';
import { Follow, FollowTarget } from './follow.entity.js';
import { NotificationKind } from './notification.entity.js';

/** Events about experiments; discussion events have rules of their own (discussion/discussion-notifications.ts). */
export type ExperimentEventKind = Exclude<EventKind, EventKind.NEW_DISCUSSION | EventKind.NEW_REPLY | EventKind.ANSWER_MARKED>;

/** One kind of notification, who gets it and what it says. */
export interface FanOut {
  kind: NotificationKind;
  recipients: string[];
  message: string;
}

/** What a rule gets: the event, its experiment (published, with lead organisation and service areas loaded). */
export interface RuleInput {
  em: EntityManager;
  event: DomainEvent;
  experiment: Experiment;
  /** The lead organisation's name and the quoted title, for messages. */
  lead: string;
  title: string;
}

export async function followersOf(em: EntityManager, targets: [FollowTarget, string[]][]): Promise<string[]> {
  const conditions = targets.filter(([, keys]) => keys.length).map(([target, keys]) => ({ target, targetKey: { $in: keys } }));
  if (conditions.length === 0) return [];
  const follows = await em.find(Follow, { $or: conditions }, { fields: ['member'] });
  return follows.map((entry) => entry.member.id);
}

/** The team of an experiment: its lead organisation's members and its named co-editors. */
export async function teamOf(em: EntityManager, experiment: Experiment): Promise<string[]> {
  const members = await em.find(Member, { organisation: experiment.leadOrganisation.id, deletedAt: null }, { fields: ['id'] });
  const coEditors = await em.find(ExperimentTeamMember, { experiment: experiment.id }, { fields: ['member'] });
  return [...members.map((m) => m.id), ...coEditors.map((c) => c.member.id)];
}

async function forkTeams(em: EntityManager, experiment: Experiment): Promise<string[]> {
  const forks = await em.find(Experiment, { forkParent: experiment.id });
  return (await Promise.all(forks.map((fork) => teamOf(em, fork)))).flat();
}

const followersOfExperiment = (em: EntityManager, experiment: Experiment) => followersOf(em, [[FollowTarget.EXPERIMENT, [experiment.id]]]);

/**
 * Who hears about each kind of event, and what they are told — one rule per event kind (add yours here).
 * Rules only run for published experiments; the person who acted is never told; each person gets one
 * notification per event however many rules or follows match.
 */
export const FAN_OUT_RULES: Record<ExperimentEventKind, (input: RuleInput) => Promise<FanOut[]>> = {
  async [EventKind.NEW_EXPERIMENT]({ em, experiment, lead, title }) {
    const recipients = await followersOf(em, [
      [FollowTarget.SERVICE_AREA, experiment.serviceAreas.getItems().map((area) => area.slug)],
      [FollowTarget.THEME, experiment.themes],
      [FollowTarget.ORGANISATION, [experiment.leadOrganisation.id]],
    ]);
    return [{ kind: NotificationKind.NEW_EXPERIMENT, recipients, message: `${lead} published ${title}.` }];
  },
  async [EventKind.NEW_OUTCOME]({ em, event, experiment, lead, title }) {
    const verdict = VERDICT_LABELS[String(event.data?.verdict) as keyof typeof VERDICT_LABELS];
    const outcome = `${String(event.data?.title ?? 'a new outcome')}${verdict ? ` (verdict: ${verdict.toLowerCase()})` : ''}`;
    return [
      { kind: NotificationKind.NEW_OUTCOME, recipients: await followersOfExperiment(em, experiment), message: `${lead} published an outcome for ${title}: ${outcome}.` },
      { kind: NotificationKind.UPSTREAM_CHANGE, recipients: await forkTeams(em, experiment), message: `${title}, which you adapted, has a new outcome: ${outcome}.` },
    ];
  },
  async [EventKind.STAGE_CHANGE]({ em, event, experiment, title }) {
    const message = `${title} moved to the ${(STAGE_LABELS[String(event.data?.to ?? experiment.stage) as keyof typeof STAGE_LABELS] ?? 'next').toLowerCase()} stage.`;
    return [{ kind: NotificationKind.STAGE_CHANGE, recipients: await followersOfExperiment(em, experiment), message }];
  },
  async [EventKind.FORK_PUBLISHED]({ em, event, lead, title }) {
    const parent = await em.findOne(Experiment, { id: String(event.data?.parentId) });
    if (!parent || parent.status !== ExperimentStatus.PUBLISHED) return [];
    const recipients = [...(await followersOfExperiment(em, parent)), ...(await teamOf(em, parent))];
    return [{ kind: NotificationKind.FORKED, recipients, message: `${lead} published an adaptation of “${parent.title}”: ${title}.` }];
  },
  async [EventKind.ARTEFACT_CHANGED]({ em, event, experiment, title }) {
    const what = `“${String(event.data?.title ?? 'an artefact')}”${event.data?.documentVersion ? ` (version ${String(event.data.documentVersion)})` : ''}`;
    const change = event.data?.change === 'added' ? 'a new artefact' : 'a new version of';
    return [{ kind: NotificationKind.UPSTREAM_CHANGE, recipients: await forkTeams(em, experiment), message: `${title}, which you adapted, has ${change} ${what}.` }];
  },
  [EventKind.CO_EDITOR_INVITED]: coEditorInvitationFanOut,
};
