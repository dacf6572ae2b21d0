import { LockMode, ref } from '@mikro-orm/core';
import { CoEditorInvitationStatus } from '@synapse/domain';
import { type EntityManager, isPostgres } from '../../db/orm.js';
import { requestLoader } from '../../db/request-loader.js';
import { BadInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../errors.js';
import { ExperimentTeamMember } from '../experiment/experiment-team-member.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { accessFor, loadForChange } from '../experiment/experiment.service.js';
import { Interest } from '../interest/interest.entity.js';
import { Member } from '../member/member.entity.js';
import { ensureCoEditor } from '../membership/membership.service.js';
import { EventKind, recordEvent } from '../notification/events.js';
import { CoEditorInvitation } from './co-editor-invitation.entity.js';
import type { InviteCoEditorInput } from './co-editor-invitation.inputs.js';
import { coEditorInvitationPolicy, type InviteeFacts } from './co-editor-invitation.policy.js';

const ANSWERED: Record<CoEditorInvitationStatus, string> = {
  [CoEditorInvitationStatus.PENDING]: '',
  [CoEditorInvitationStatus.ACCEPTED]: 'this invitation has already been accepted',
  [CoEditorInvitationStatus.DECLINED]: 'this invitation has already been declined',
  [CoEditorInvitationStatus.WITHDRAWN]: 'the team has withdrawn this invitation',
};

/** What the policy needs to know about someone the team might invite. */
export async function inviteeFacts(em: EntityManager, experiment: Experiment, member: Member): Promise<InviteeFacts> {
  const [interested, coEditor, invitation] = await Promise.all([
    em.count(Interest, { experiment: experiment.id, member: member.id }),
    em.count(ExperimentTeamMember, { experiment: experiment.id, member: member.id }),
    em.findOne(CoEditorInvitation, { experiment: experiment.id, member: member.id }),
  ]);
  return { member, interested: interested > 0, coEditor: coEditor > 0, invitation };
}

/** The invitation row, locked on PostgreSQL so two answers (or an answer and a withdrawal) cannot both win. */
function lockedInvitation(em: EntityManager, id: string): Promise<CoEditorInvitation | null> {
  return em.findOne(CoEditorInvitation, { id }, { lockMode: isPostgres(em) ? LockMode.PESSIMISTIC_WRITE : undefined });
}

/**
 * Invites someone from the experiment's interest list to co-edit it; they are told through the notification
 * fan-out. Inviting someone already invited returns the waiting invitation and tells nobody again.
 */
export async function inviteCoEditor(em: EntityManager, viewer: Member | null, input: InviteCoEditorInput): Promise<CoEditorInvitation> {
  if (!viewer) throw new UnauthenticatedError('Sign in to invite co-editors');
  return em.transactional(async (tem) => {
    const experiment = await loadForChange(tem, viewer, input.experimentId, 'manageTeam');
    const member = await tem.findOne(Member, { id: input.memberId, deletedAt: null });
    if (!member) throw new NotFoundError('Member', input.memberId);
    const facts = await inviteeFacts(tem, experiment, member);
    const problem = coEditorInvitationPolicy.whyNotInvitable(await accessFor(viewer, experiment), facts);
    if (problem) throw BadInputError.field('input.memberId', problem);
    if (facts.invitation?.status === CoEditorInvitationStatus.PENDING) return facts.invitation;
    const invitation = facts.invitation ?? Object.assign(new CoEditorInvitation(), { experiment: ref(experiment), member: ref(member) });
    tem.persist(invitation);
    Object.assign(invitation, { status: CoEditorInvitationStatus.PENDING, invitedBy: ref(tem.getReference(Member, viewer.id)), createdAt: new Date(), respondedAt: null });
    recordEvent(tem, EventKind.CO_EDITOR_INVITED, experiment.id, viewer, { invitationId: invitation.id });
    return invitation;
  });
}

/** The person invited accepts (and becomes a co-editor, as addCoEditor would make them) or declines. */
export async function respondToCoEditorInvitation(em: EntityManager, viewer: Member | null, id: string, accept: boolean): Promise<CoEditorInvitation> {
  if (!viewer) throw new UnauthenticatedError('Sign in to answer an invitation');
  return em.transactional(async (tem) => {
    const invitation = await lockedInvitation(tem, id);
    if (!invitation) throw new NotFoundError('Invitation', id);
    if (!coEditorInvitationPolicy.respond(viewer, invitation)) throw new ForbiddenError('answer an invitation sent to someone else');
    if (invitation.status !== CoEditorInvitationStatus.PENDING) throw BadInputError.field('id', ANSWERED[invitation.status]);
    Object.assign(invitation, { status: accept ? CoEditorInvitationStatus.ACCEPTED : CoEditorInvitationStatus.DECLINED, respondedAt: new Date() });
    const experiment = await tem.findOneOrFail(Experiment, { id: invitation.experiment.id }); // loaded: the audit entry names its organisation
    if (accept) {
      const member = await tem.findOneOrFail(Member, { id: viewer.id });
      if (member.organisation?.id !== experiment.leadOrganisation.id) await ensureCoEditor(tem, experiment, member);
    }
    return invitation;
  });
}

/** The team takes back an invitation that has not been answered yet. */
export async function withdrawCoEditorInvitation(em: EntityManager, viewer: Member | null, id: string): Promise<CoEditorInvitation> {
  if (!viewer) throw new UnauthenticatedError('Sign in to withdraw an invitation');
  return em.transactional(async (tem) => {
    const invitation = await lockedInvitation(tem, id);
    if (!invitation) throw new NotFoundError('Invitation', id);
    await loadForChange(tem, viewer, invitation.experiment.id, 'manageTeam');
    if (invitation.status !== CoEditorInvitationStatus.PENDING) throw BadInputError.field('id', ANSWERED[invitation.status]);
    Object.assign(invitation, { status: CoEditorInvitationStatus.WITHDRAWN, respondedAt: new Date() });
    return invitation;
  });
}

async function invitationsOf(em: EntityManager, experimentIds: readonly string[]): Promise<CoEditorInvitation[][]> {
  const rows = await em.find(CoEditorInvitation, { experiment: { $in: [...experimentIds] } });
  return experimentIds.map((id) => rows.filter((row) => row.experiment.id === id));
}

/** Every invitation on a page of experiments, in one query per request (for interest lists and notifications). */
export function experimentInvitations(em: EntityManager) {
  return requestLoader(em, invitationsOf);
}
