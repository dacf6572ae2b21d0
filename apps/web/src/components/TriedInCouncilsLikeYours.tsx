import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { TriedInCouncilsLikeDocument } from '../generated/graphql.js';
import { VERDICTS } from '../labels.js';
import { useSession } from '../session.js';
import { CouncilChooser } from './CouncilChooser.js';

/**
 * "Tried in 3 councils like yours: worked in 2, mixed results in 1": how the experiment and its family fared
 * in the statistical neighbours of the reader's council (their own when signed in, or one chosen, kept in
 * the URL as ?like=GSS code so it can be shared).
 */
export function TriedInCouncilsLikeYours({ experimentId }: { experimentId: string }) {
  const { member } = useSession();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('like');
  const own = member?.organisation?.gssCode ?? null;
  const [{ data }] = useQuery({ query: TriedInCouncilsLikeDocument, variables: { id: experimentId, to: chosen }, pause: !chosen && !own });
  const tried = data?.experiment?.triedInSimilarCouncils ?? null;
  const likeWhom = tried && (chosen && tried.council.gssCode !== own ? tried.council.name : 'yours');
  const choose = (gssCode: string) => {
    const next = new URLSearchParams(params);
    next.set('like', gssCode);
    setParams(next, { replace: true, preventScrollReset: true });
  };
  const parts = tried ? tried.verdictCounts.map(({ verdict, count }) => `${VERDICTS[verdict].label.toLowerCase()} in ${count}`) : [];
  if (tried?.withoutOutcome) parts.push(`no result yet in ${tried.withoutOutcome}`);
  return (
    <div className="govuk-!-margin-bottom-6" data-testid="tried-like-yours">
      {tried && (
        <div className="govuk-inset-text govuk-!-margin-bottom-2">
          {tried.councilCount === 0 ? (
            <p className="govuk-body govuk-!-margin-bottom-0">Not tried yet in councils like {likeWhom}.</p>
          ) : (
            <>
              <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
                Tried in {tried.councilCount} {tried.councilCount === 1 ? 'council' : 'councils'} like {likeWhom}: {parts.join(', ')}.
              </p>
              <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
                {tried.trials.map((trial) => (
                  <li key={trial.organisation.id}>
                    <Link className="govuk-link" to={`/experiments/${trial.experiment.slug}`}>
                      {trial.organisation.name}
                    </Link>
                    : {trial.verdict ? VERDICTS[trial.verdict].label.toLowerCase() : 'no result yet'}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      <details className="govuk-details govuk-!-margin-bottom-0">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">{own || chosen ? 'Compare with councils like another council' : 'See how it went in councils like yours'}</span>
        </summary>
        <div className="govuk-details__text">
          <CouncilChooser id="like-council" label="Council" hint="For example, Wigan or City of Edinburgh" button="Compare" onChoose={choose} />
        </div>
      </details>
    </div>
  );
}
