import { Link } from 'react-router';
import type { AccountQuery } from '../../generated/graphql.js';

/** Your organisation's drafts, to continue; adaptations are marked as such. */
export function AccountDrafts({ drafts, canPublish }: { drafts: NonNullable<AccountQuery['experiments']>['nodes'] | undefined; canPublish: boolean }) {
  return (
    <>
      <h2 className="govuk-heading-m">Drafts</h2>
      {drafts?.length ? (
        <ul className="govuk-list">
          {drafts.map((draft) => (
            <li key={draft.id}>
              <Link className="govuk-link" to={`/experiments/${draft.slug}/edit`}>
                {draft.title}
              </Link>
              {draft.forkParent && <strong className="govuk-tag govuk-tag--blue govuk-!-margin-left-2">Adapted</strong>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">No drafts.</p>
      )}
      {canPublish && (
        <Link className="govuk-button govuk-button--secondary" to="/publish">
          Publish an experiment
        </Link>
      )}
    </>
  );
}
