import { CoEditorInvitationStatus } from '@synapse/domain';
import type { FanOut, RuleInput } from '../notification/fan-out-rules.js';
import { NotificationKind } from '../notification/notification.entity.js';
import { CoEditorInvitation } from './co-editor-invitation.entity.js';

/**
 * The fan-out rule for CO_EDITOR_INVITED: the person invited, and only them, is told — unless the invitation was
 * answered or withdrawn before the job ran. The digest emails it like any other unread notification.
 */
export async function coEditorInvitationFanOut({ em, event, lead, title }: RuleInput): Promise<FanOut[]> {
  const invitation = await em.findOne(CoEditorInvitation, { id: String(event.data?.invitationId ?? '') });
  if (!invitation || invitation.status !== CoEditorInvitationStatus.PENDING) return [];
  return [
    {
      kind: NotificationKind.CO_EDITOR_INVITATION,
      recipients: [invitation.member.id],
      message: `${lead} invites you to co-edit ${title}. Accept or decline the invitation in your Synapse notifications.`,
    },
  ];
}
