import { Link } from 'react-router';
import { useState } from 'react';
import { useMutation } from 'urql';
import { CO_EDITOR_INVITATION_STATUS_LABELS, INTEREST_LEVEL_LABELS } from '@synapse/domain';
import { type ExperimentConversationQuery, InviteCoEditorDocument, WithdrawCoEditorInvitationDocument } from '../../generated/graphql.js';
import { formatDate } from '../../labels.js';
import { Banner, ErrorSummary, problemsFrom } from '../forms.js';

type Entry = NonNullable<NonNullable<ExperimentConversationQuery['experiment']>['interest']['entries']>[number];

const SMALL_BUTTON = 'govuk-button govuk-button--secondary govuk-!-margin-top-2 govuk-!-margin-bottom-0';

/**
 * For the experiment's team: who is interested, with their notes, and "Invite as co-editor" — an invitation the
 * person accepts or declines from their notifications. `onChange` refetches the list after an invitation changes.
 */
export function InterestEntries({ experimentId, entries, onChange }: { experimentId: string; entries: Entry[]; onChange: () => void }) {
  const [confirmation, setConfirmation] = useState<{ title: string; text: string } | null>(null);
  const [inviteState, invite] = useMutation(InviteCoEditorDocument);
  const [withdrawState, withdraw] = useMutation(WithdrawCoEditorInvitationDocument);
  const problems = problemsFrom(inviteState.error ?? withdrawState.error, { memberId: 'Person to invite' });
  const busy = inviteState.fetching || withdrawState.fetching;

  const sendInvitation = async (entry: Entry) => {
    setConfirmation(null);
    const result = await invite({ input: { experimentId, memberId: entry.member.id } });
    if (result.error) return;
    setConfirmation({
      title: `Invitation sent to ${entry.member.name}`,
      text: `${entry.member.name} will find it in their notifications (and their email digest, if they get one) and can accept or decline. Once they accept, they can edit this experiment with you.`,
    });
    onChange();
  };
  const withdrawInvitation = async (entry: Entry, id: string) => {
    setConfirmation(null);
    const result = await withdraw({ id });
    if (result.error) return;
    setConfirmation({ title: `Invitation to ${entry.member.name} withdrawn`, text: 'They can no longer accept it.' });
    onChange();
  };

  return (
    <>
      <h3 className="govuk-heading-s">Who is interested (only your team sees this)</h3>
      <ErrorSummary problems={problems} />
      {confirmation && (
        <Banner success title={confirmation.title}>
          <p className="govuk-body">{confirmation.text}</p>
        </Banner>
      )}
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Organisations interested in this experiment</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Organisation</th>
            <th scope="col" className="govuk-table__header govuk-!-width-one-quarter">How far</th>
            <th scope="col" className="govuk-table__header">Note</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {entries.map((entry) => {
            const invitation = entry.coEditorInvitation;
            return (
              <tr key={entry.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/organisations/${entry.organisation.slug}`}>
                    {entry.organisation.name}
                  </Link>
                  <span className="govuk-body-s govuk-!-display-block">
                    <bdi>{entry.member.name}</bdi>
                    {entry.member.jobTitle && `, ${entry.member.jobTitle}`}
                  </span>
                  {invitation && <span className="govuk-body-s govuk-!-display-block govuk-!-font-weight-bold">{CO_EDITOR_INVITATION_STATUS_LABELS[invitation.status].team}</span>}
                  {invitation?.viewerCan.withdraw && (
                    <button type="button" className={SMALL_BUTTON} data-module="govuk-button" disabled={busy} onClick={() => void withdrawInvitation(entry, invitation.id)}>
                      Withdraw invitation<span className="govuk-visually-hidden"> to {entry.member.name}</span>
                    </button>
                  )}
                  {entry.viewerCan.inviteAsCoEditor && (
                    <button type="button" className={SMALL_BUTTON} data-module="govuk-button" disabled={busy} onClick={() => void sendInvitation(entry)}>
                      Invite <span className="govuk-visually-hidden">{entry.member.name} </span>as co-editor
                    </button>
                  )}
                </td>
                <td className="govuk-table__cell">
                  {INTEREST_LEVEL_LABELS[entry.level].label}
                  <span className="govuk-body-s govuk-!-display-block">since {formatDate(entry.updatedAt)}</span>
                </td>
                <td className="govuk-table__cell synapse-prose">
                  <bdi>{entry.note ?? ''}</bdi>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="govuk-body">
        <Link className="govuk-link" to={`/discussions/new?experiment=${experimentId}`}>
          Start a discussion with them
        </Link>
      </p>
    </>
  );
}
