import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';

/** The one search box, on the home page and at the top of results; submitting puts the query in the URL. */
export function SearchForm({ initial = '', large = false }: { initial?: string; large?: boolean }) {
  const [query, setQuery] = useState(initial);
  const navigate = useNavigate();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/search?${new URLSearchParams({ q: query.trim() })}`);
  };
  return (
    <form role="search" onSubmit={submit} className="govuk-!-margin-bottom-6">
      <div className="govuk-form-group govuk-!-margin-bottom-2">
        <label className={large ? 'govuk-label govuk-label--m' : 'govuk-label'} htmlFor="search-query">
          Has anyone tried it? Search experiments, outcomes and lessons
        </label>
        <div className="govuk-hint" id="search-query-hint">
          For example: hospital discharge, participatory budgeting, SEND transport
        </div>
        <input
          className="govuk-input"
          id="search-query"
          name="q"
          type="search"
          aria-describedby="search-query-hint"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <button type="submit" className="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">
        Search
      </button>
    </form>
  );
}
