import { CO_EDITOR_INVITATION_STATUS_LABELS, CoEditorInvitationStatus } from '@synapse/domain';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { type CoEditorInvitationStateFragment, RespondToCoEditorInvitationDocument } from '../../generated/graphql.js';
import { problemsFrom } from '../forms.js';

/**
 * Under an invitation to co-edit in the notifications list: Accept or Decline while it waits, then where it
 * stands, and once accepted a link to the experiment's edit pages.
 */
export function CoEditorInvitationAnswer({ invitation, experiment }: { invitation: CoEditorInvitationStateFragment; experiment: { slug: string; title: string } | null }) {
  const [state, respond] = useMutation(RespondToCoEditorInvitationDocument);
  const [problem] = problemsFrom(state.error);
  const what = experiment ? ` the invitation to co-edit “${experiment.title}”` : ' the invitation';
  return (
    <div role="status" className="govuk-!-margin-top-2">
      {problem && <p className="govuk-error-message">{problem.message}</p>}
      {invitation.viewerCan.respond ? (
        <div className="govuk-button-group govuk-!-margin-bottom-0">
          <button type="button" className="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button" disabled={state.fetching} onClick={() => void respond({ id: invitation.id, accept: true })}>
            Accept<span className="govuk-visually-hidden">{what}</span>
          </button>
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" disabled={state.fetching} onClick={() => void respond({ id: invitation.id, accept: false })}>
            Decline<span className="govuk-visually-hidden">{what}</span>
          </button>
        </div>
      ) : (
        <p className="govuk-body-s govuk-!-margin-bottom-0">
          <strong>{CO_EDITOR_INVITATION_STATUS_LABELS[invitation.status].invitee}</strong>
          {invitation.status === CoEditorInvitationStatus.ACCEPTED && experiment && (
            <>
              {'. '}
              <Link className="govuk-link" to={`/experiments/${experiment.slug}/edit`}>
                Edit “{experiment.title}”
              </Link>
            </>
          )}
        </p>
      )}
    </div>
  );
}
