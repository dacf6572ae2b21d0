import { CoEditorInvitationStatus } from '@synapse/domain';
import { type ExperimentAccess, experimentPolicy, organisationIdOf } from '../experiment/experiment.policy.js';
import type { Member } from '../member/member.entity.js';
import type { CoEditorInvitation } from './co-editor-invitation.entity.js';

/** What decides whether someone can be invited to co-edit an experiment (looked up by the caller). */
export interface InviteeFacts {
  member: Member;
  /** They recorded their organisation's interest in this experiment (invitations come from the interest list). */
  interested: boolean;
  /** They are already a named co-editor. */
  coEditor: boolean;
  /** The invitation already sent to them, if any. */
  invitation: CoEditorInvitation | null;
}

// Who may do what with invitations to co-edit. Deny by default.
//   invite, withdraw   whoever may add co-editors to the experiment (experiment.policy.ts manageTeam)
//   respond            the person invited, and nobody else
export const coEditorInvitationPolicy = {
  invite(access: ExperimentAccess): boolean {
    return experimentPolicy.manageTeam(access);
  },
  withdraw(access: ExperimentAccess, invitation: CoEditorInvitation): boolean {
    return experimentPolicy.manageTeam(access) && invitation.status === CoEditorInvitationStatus.PENDING;
  },
  respond(member: Member | null, invitation: CoEditorInvitation): boolean {
    return member !== null && member.deletedAt === null && member.id === invitation.member.id;
  },
  /** Why this person cannot be invited to co-edit this experiment, or null when they can (one rule for the API and viewerCan). */
  whyNotInvitable(access: ExperimentAccess, invitee: InviteeFacts): string | null {
    if (invitee.member.deletedAt) return 'this person has left Synapse';
    if (organisationIdOf(invitee.member) === access.experiment.leadOrganisation.id) return 'members of the lead organisation are already on the team';
    if (invitee.coEditor) return 'this person is already a co-editor';
    if (!invitee.interested) return 'only people who recorded interest in this experiment can be invited from its interest list';
    if (invitee.invitation?.status === CoEditorInvitationStatus.DECLINED) return 'this person declined an invitation to co-edit this experiment; start a discussion with them instead';
    return null;
  },
};
