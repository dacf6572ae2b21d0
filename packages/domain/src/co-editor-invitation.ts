// Inviting someone who recorded interest in an experiment to co-edit it: the states an invitation goes through.

/** Where an invitation to co-edit stands. Only a PENDING invitation can be answered or withdrawn. */
export enum CoEditorInvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

/** How each state reads to the team (in the interest list) and to the person invited (in their notifications). */
export const CO_EDITOR_INVITATION_STATUS_LABELS: Record<CoEditorInvitationStatus, { team: string; invitee: string }> = {
  [CoEditorInvitationStatus.PENDING]: { team: 'Invited to co-edit: waiting for an answer', invitee: 'Waiting for your answer' },
  [CoEditorInvitationStatus.ACCEPTED]: { team: 'Co-editor (accepted your invitation)', invitee: 'You accepted: you can now edit this experiment' },
  [CoEditorInvitationStatus.DECLINED]: { team: 'Declined your invitation to co-edit', invitee: 'You declined this invitation' },
  [CoEditorInvitationStatus.WITHDRAWN]: { team: 'Invitation withdrawn', invitee: 'The team withdrew this invitation' },
};
