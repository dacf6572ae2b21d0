import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { CouncilNameDocument } from '../generated/graphql.js';
import { useSession } from '../session.js';
import { CouncilChooser } from './CouncilChooser.js';

/** The URL parameter for "councils like …": a council's GSS code. */
export const LIKE_PARAM = 'like';

/** The search filter the `like` parameter asks for (an empty object when it is absent). */
export function likeFilter(params: URLSearchParams): { similarToCouncil?: string } {
  const like = params.get(LIKE_PARAM);
  return like ? { similarToCouncil: like } : {};
}

/**
 * The search page's "councils like mine" filter: experiments led by or run in a council's nearest statistical
 * neighbours. Signed-in members get their own council as a checkbox; anyone can choose a council by name.
 */
export function CouncilsLikeMineFilter() {
  const { member } = useSession();
  const [params, setParams] = useSearchParams();
  const chosen = params.get(LIKE_PARAM);
  const own = member?.organisation?.gssCode ? member.organisation : null;
  const [{ data }] = useQuery({ query: CouncilNameDocument, variables: { gssCode: chosen ?? '' }, pause: !chosen || chosen === own?.gssCode });
  const set = (gssCode: string | null) => {
    const next = new URLSearchParams(params);
    if (gssCode) next.set(LIKE_PARAM, gssCode);
    else next.delete(LIKE_PARAM);
    next.delete('after');
    setParams(next);
  };
  const chosenName = chosen && chosen !== own?.gssCode ? (data?.organisation?.name ?? chosen) : null;
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Councils like mine</legend>
        {own && (
          <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id="like-mine"
                type="checkbox"
                checked={chosen === own.gssCode}
                onChange={() => set(chosen === own.gssCode ? null : own.gssCode)}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="like-mine">
                Councils like {own.name}
              </label>
            </div>
          </div>
        )}
        {chosenName && (
          <p className="govuk-body-s">
            Showing councils like {chosenName}.{' '}
            <Link className="govuk-link" to={`/search?${withoutLike(params)}`}>
              Remove<span className="govuk-visually-hidden"> the councils like {chosenName} filter</span>
            </Link>
          </p>
        )}
      </fieldset>
      <details className="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">{own ? 'Choose another council' : 'Choose your council'}</span>
        </summary>
        <div className="govuk-details__text">
          <CouncilChooser id="search-like" label="Council" hint="For example, Wigan or Rhondda Cynon Taf" button="Show councils like it" onChoose={set} />
        </div>
      </details>
    </div>
  );
}

function withoutLike(params: URLSearchParams): string {
  const next = new URLSearchParams(params);
  next.delete(LIKE_PARAM);
  next.delete('after');
  return next.toString();
}
