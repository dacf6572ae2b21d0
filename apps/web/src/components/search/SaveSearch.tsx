import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { useMutation } from 'urql';
import { SaveSearchDocument, type SearchFilter } from '../../generated/graphql.js';
import { signInFrom } from '../../pages/SignInPage.js';
import { useSession } from '../../session.js';
import { Button, ErrorSummary, problemsFrom } from '../forms.js';

/** The saved search's Atom feed, as a link that says what it is. */
export function FeedLink({ href, name }: { href: string; name: string }) {
  return (
    <a className="govuk-link" href={href}>
      Atom feed<span className="govuk-visually-hidden"> for {name}</span>
    </a>
  );
}

/**
 * "Save this search" on the search page: signed-in members save the words and filters and are told about new
 * matches; anyone else is offered to sign in and come back to this same search.
 */
export function SaveSearch({ query, filter }: { query: string; filter: SearchFilter }) {
  const { member, loading } = useSession();
  const location = useLocation();
  const [state, save] = useMutation(SaveSearchDocument);
  const saved = state.data?.saveSearch;
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved) banner.current?.focus();
  }, [saved]);
  if (loading) return null;
  if (!member) {
    return (
      <p className="govuk-body">
        <Link className="govuk-link" to={signInFrom(location.pathname + location.search)}>
          Sign in to save this search
        </Link>{' '}
        and we will tell you when a new experiment matches it.
      </p>
    );
  }
  if (saved) {
    return (
      <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="saved-search-title" tabIndex={-1} ref={banner}>
        <div className="govuk-notification-banner__header">
          <h2 className="govuk-notification-banner__title" id="saved-search-title">
            Success
          </h2>
        </div>
        <div className="govuk-notification-banner__content">
          <p className="govuk-notification-banner__heading">Search saved: {saved.name}</p>
          <p className="govuk-body">
            We will tell you when a new experiment matches it. You can also follow it in a feed reader with its <FeedLink href={saved.feedUrl} name={saved.name} />.
          </p>
          <p className="govuk-body">
            <Link className="govuk-notification-banner__link" to="/account#saved-searches">
              See your saved searches
            </Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <>
      <ErrorSummary problems={problemsFrom(state.error)} />
      <Button type="button" secondary disabled={state.fetching} onClick={() => save({ input: { query, filter } })}>
        Save this search
      </Button>
    </>
  );
}
