import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { DeleteSavedSearchDocument, MySavedSearchesDocument } from '../../generated/graphql.js';
import { FeedLink } from '../search/SaveSearch.js';

/** "Your saved searches": each with its filters in words, a link to run it, its feed, and a way to stop hearing about it. */
export function AccountSavedSearches() {
  const [{ data }] = useQuery({ query: MySavedSearchesDocument });
  const [, remove] = useMutation(DeleteSavedSearchDocument);
  const searches = data?.mySavedSearches;
  return (
    <>
      <h2 className="govuk-heading-m" id="saved-searches">
        Your saved searches
      </h2>
      {searches?.length ? (
        <ul className="govuk-list synapse-saved-searches">
          {searches.map((search) => (
            <li key={search.id} className="govuk-!-margin-bottom-4">
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{search.name}</h3>
              <p className="govuk-body-s govuk-!-margin-bottom-1">
                {search.query ? <>Words: “{search.query}”</> : 'Any words'}
                {search.criteria.map((criterion) => (
                  <span key={criterion.field}>
                    {'; '}
                    {criterion.label}: {criterion.valueLabels.join(', ')}
                  </span>
                ))}
              </p>
              <p className="govuk-body-s">
                <Link className="govuk-link" to={search.searchPath}>
                  Run this search<span className="govuk-visually-hidden">: {search.name}</span>
                </Link>
                {' · '}
                <FeedLink href={search.feedUrl} name={search.name} />
                {' · '}
                <button type="button" className="govuk-link synapse-link-button" onClick={() => remove({ id: search.id })}>
                  Stop notifying me<span className="govuk-visually-hidden"> about {search.name}</span>
                </button>
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">
          None yet. On the <Link className="govuk-link" to="/search">search page</Link>, choose “Save this search” to hear when a new experiment matches it.
        </p>
      )}
    </>
  );
}
