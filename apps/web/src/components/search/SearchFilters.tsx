import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import type { SearchPageQuery } from '../../generated/graphql.js';
import { FACETS, facetValueLabel, isDuplicateFacetValue } from '../../labels.js';

type Facet = SearchPageQuery['search']['facets'][number];

const EVIDENCE_LEVELS = [1, 2, 3, 4, 5];

interface Props {
  facets: Facet[];
  selected: Record<string, string[]>;
  minEvidenceLevel: string | null;
  toggle: (field: string, value: string) => void;
  setMinEvidence: (level: string | null) => void;
  clearHref: string | null;
  /** Filters of their own, shown first (e.g. councils like mine, which has a form of its own). */
  children?: ReactNode;
  /** Filters of their own inside the filter form, after the facets (e.g. registration and review). */
  more?: ReactNode;
  /** The page's parameters the form does not change (q, sort, exact, like), kept when it is sent. */
  keep: Array<[string, string]>;
}

/**
 * The filters (the MOJ filter pattern): a panel beside the results on wider screens; on a phone the results come
 * first and the panel opens from a button.
 */
export function SearchFilters({ facets, selected, minEvidenceLevel, toggle, setMinEvidence, clearHref, children, more, keep }: Props) {
  const [open, setOpen] = useState(false);
  const evidence = facets.find((facet) => facet.field === 'minEvidenceLevel')?.values ?? [];
  const atLeast = (level: number) => evidence.filter((v) => Number(v.value) >= level).reduce((sum, v) => sum + v.count, 0);
  return (
    <>
      <button
        type="button"
        className="govuk-button govuk-button--secondary synapse-filter-toggle"
        aria-controls="search-filters"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide filters' : 'Show filters'}
      </button>
      <div id="search-filters" className={open ? 'synapse-filter-panel synapse-filter-panel--open' : 'synapse-filter-panel'}>
        <h2 className="govuk-heading-m">Filter</h2>
        {clearHref && (
          <p className="govuk-body">
            <Link className="govuk-link" to={clearHref}>
              Clear filters
            </Link>
          </p>
        )}
        {children}
        {/* An ordinary GET form: with JavaScript each box applies at once; without it, "Apply filters" sends them. */}
        <form method="get" action="/search">
          {keep.map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Evidence</legend>
              <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
                {[null, ...EVIDENCE_LEVELS].map((level) => {
                  const id = `facet-minEvidenceLevel-${level ?? 'any'}`;
                  return (
                    <div className="govuk-radios__item" key={id}>
                      <input
                        className="govuk-radios__input"
                        id={id}
                        type="radio"
                        name="minEvidenceLevel"
                        value={level ?? ''}
                        checked={(minEvidenceLevel ?? null) === (level === null ? null : String(level))}
                        onChange={() => setMinEvidence(level === null ? null : String(level))}
                      />
                      <label className="govuk-label govuk-radios__label" htmlFor={id}>
                        {level === null ? 'Any evidence' : `Level ${level} or stronger (${atLeast(level)})`}
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
          {Object.entries(FACETS).map(([field, heading]) => {
            const values = (facets.find((f) => f.field === field)?.values ?? []).filter(({ value }) => !isDuplicateFacetValue(field, value));
            if (values.length === 0) return null;
            return (
              <div className="govuk-form-group" key={field}>
                <fieldset className="govuk-fieldset">
                  <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{heading}</legend>
                  <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                    {values.map(({ value, count }) => {
                      const id = `facet-${field}-${value}`;
                      return (
                        <div className="govuk-checkboxes__item" key={value}>
                          <input
                            className="govuk-checkboxes__input"
                            id={id}
                            type="checkbox"
                            name={field}
                            value={value}
                            checked={(selected[field] ?? []).includes(value)}
                            onChange={() => toggle(field, value)}
                          />
                          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                            {facetValueLabel(field, value)} ({count})
                          </label>
                        </div>
                      );
                    })}
                  </div>
                </fieldset>
              </div>
            );
          })}
          {more}
          <noscript>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Apply filters
            </button>
          </noscript>
        </form>
      </div>
    </>
  );
}
