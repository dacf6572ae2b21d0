import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { SuggestionsDocument } from '../generated/graphql.js';

/** Experiment titles matching what has been typed so far, asked for once typing pauses (not for the words the page opened with). */
function useSuggestions(text: string, initial: string): string[] {
  const [prefix, setPrefix] = useState('');
  useEffect(() => {
    if (text === initial) return;
    const timer = setTimeout(() => setPrefix(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text, initial]);
  const [{ data }] = useQuery({ query: SuggestionsDocument, variables: { prefix }, pause: prefix.length < 2 });
  return prefix.length < 2 ? [] : (data?.searchSuggestions.map((suggestion) => suggestion.title) ?? []);
}

/** The one search box, on the home page and at the top of results; submitting puts the query in the URL. */
export function SearchForm({ initial = '', large = false }: { initial?: string; large?: boolean }) {
  const [query, setQuery] = useState(initial);
  const navigate = useNavigate();
  const suggestions = useSuggestions(query, initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/search?${new URLSearchParams({ q: query.trim() })}`);
  };
  return (
    <form role="search" method="get" action="/search" onSubmit={submit} className="govuk-!-margin-bottom-6">
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
          autoComplete="off"
          list="search-suggestions"
          aria-describedby="search-query-hint"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        {/* The browser's own suggestion list: keyboard and screen reader support come with it. */}
        <datalist id="search-suggestions">
          {suggestions.map((title) => (
            <option key={title} value={title} />
          ))}
        </datalist>
      </div>
      <button type="submit" className="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">
        Search
      </button>
    </form>
  );
}
