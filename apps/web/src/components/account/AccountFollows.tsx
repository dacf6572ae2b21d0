import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { type AccountQuery, FollowedExperimentDocument, UnfollowDocument } from '../../generated/graphql.js';
import { sentenceCase } from '../../labels.js';

function FollowedExperiment({ id }: { id: string }) {
  const [{ data }] = useQuery({ query: FollowedExperimentDocument, variables: { id } });
  if (!data?.experiment) return <>An experiment that is no longer public</>;
  return (
    <>
      <Link className="govuk-link" to={`/experiments/${data.experiment.slug}`}>
        {data.experiment.title}
      </Link>{' '}
      ({data.experiment.leadOrganisation.name})
    </>
  );
}

/** "What you follow", each with a way to stop. */
export function AccountFollows({ follows }: { follows: AccountQuery['myFollows'] | undefined }) {
  const [, unfollow] = useMutation(UnfollowDocument);
  return (
    <>
      <h2 className="govuk-heading-m">What you follow</h2>
      {follows?.length ? (
        <ul className="govuk-list">
          {follows.map((follow) => (
            <li key={follow.id}>
              {follow.target === 'EXPERIMENT' ? <FollowedExperiment id={follow.targetKey} /> : `${sentenceCase(follow.target)}: ${follow.targetKey}`}{' '}
              <button
                type="button"
                className="govuk-link synapse-link-button"
                onClick={() => unfollow({ input: { target: follow.target, key: follow.targetKey } })}
              >
                Stop following<span className="govuk-visually-hidden"> this</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">Nothing yet. Follow experiments to hear when they publish results or are adapted.</p>
      )}
    </>
  );
}
