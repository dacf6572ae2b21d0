import type { Act, ManagedOrganisation } from './types.js';
import type { DecideJoinRequestMutationVariables } from '../../generated/graphql.js';
import type { CombinedError } from 'urql';

/** People asking to join the organisation, to approve or reject. */
export function JoinRequests({ organisation, act, decide }: {
  organisation: ManagedOrganisation;
  act: Act;
  decide: (variables: DecideJoinRequestMutationVariables) => Promise<{ error?: CombinedError }>;
}) {
  return (
    <>
      <h2 className="govuk-heading-m">Requests to join</h2>
      {organisation.joinRequests?.length ? (
        <dl className="govuk-summary-list">
          {organisation.joinRequests.map((request) => (
            <div className="govuk-summary-list__row" key={request.id}>
              <dt className="govuk-summary-list__key">
                {request.member.name}
                <span className="govuk-body-s govuk-!-display-block">{request.member.email}</span>
              </dt>
              <dd className="govuk-summary-list__value">{request.message || 'No message'}</dd>
              <dd className="govuk-summary-list__actions">
                <ul className="govuk-summary-list__actions-list">
                  <li className="govuk-summary-list__actions-list-item">
                    <button type="button" className="govuk-link synapse-link-button" onClick={() => act(decide({ id: request.id, approve: true }))}>
                      Approve<span className="govuk-visually-hidden"> {request.member.name}</span>
                    </button>
                  </li>
                  <li className="govuk-summary-list__actions-list-item">
                    <button type="button" className="govuk-link synapse-link-button" onClick={() => act(decide({ id: request.id, approve: false }))}>
                      Reject<span className="govuk-visually-hidden"> {request.member.name}</span>
                    </button>
                  </li>
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="govuk-body">No requests waiting.</p>
      )}
    </>
  );
}
