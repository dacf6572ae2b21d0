import { useSearchParams } from 'react-router';
import type { SearchFilter } from '../../generated/graphql.js';

type FreshnessField = 'registered' | 'excludeOverdueReview';

/** Each is a URL parameter named after its SearchFilter field, "1" when ticked, so a filtered search can be shared. */
const FILTERS: { field: FreshnessField; id: string; label: string; hint: string }[] = [
  {
    field: 'registered',
    id: 'filter-registered',
    label: 'Only registered pilots (measures set before results)',
    hint: 'The team said what it would measure, and how, before it knew the results.',
  },
  {
    field: 'excludeOverdueReview',
    id: 'filter-exclude-overdue',
    label: 'Leave out records overdue for review',
    hint: 'Records their team has not updated or confirmed as still accurate within the review period, usually a year.',
  },
];

/** Whether a freshness parameter is on: "1" from these checkboxes, "true" in a saved search's link (and its feed's). */
const isOn = (params: URLSearchParams, field: FreshnessField) => ['1', 'true'].includes(params.get(field) ?? '');

/** The search filter the freshness parameters ask for (an empty object when none is set). */
export function freshnessFilter(params: URLSearchParams): Pick<SearchFilter, FreshnessField> {
  return Object.fromEntries(FILTERS.filter(({ field }) => isOn(params, field)).map(({ field }) => [field, true]));
}

/** The search page's registration and review filters: real checkboxes, in the filter panel with the others. */
export function FreshnessFilters() {
  const [params, setParams] = useSearchParams();
  const toggle = (field: FreshnessField) => {
    const next = new URLSearchParams(params);
    if (isOn(params, field)) next.delete(field);
    else next.set(field, '1');
    next.delete('after');
    setParams(next);
  };
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Registration and review</legend>
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {FILTERS.map(({ field, id, label, hint }) => (
            <div className="govuk-checkboxes__item" key={field}>
              <input
                className="govuk-checkboxes__input"
                id={id}
                name={field}
                type="checkbox"
                value="1"
                checked={isOn(params, field)}
                onChange={() => toggle(field)}
                aria-describedby={`${id}-hint`}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                {label}
              </label>
              <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
                {hint}
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
