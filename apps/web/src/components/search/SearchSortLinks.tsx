import { Link } from 'react-router';
import type { SearchSort } from '../../generated/graphql.js';

const SORTS: Record<SearchSort, string> = { RELEVANCE: 'Best match', NEWEST: 'Newest', STRONGEST_EVIDENCE: 'Strongest evidence' };

/** "Sort by: Best match · Newest · Strongest evidence", the current order in bold and the others as links. */
export function SearchSortLinks({ sort, href }: { sort: SearchSort; href: (changes: Record<string, string | null>) => string }) {
  return (
    <p className="govuk-body-s">
      Sort by:{' '}
      {(Object.keys(SORTS) as SearchSort[]).map((key, index) => (
        <span key={key}>
          {index > 0 && ' · '}
          {key === sort ? (
            <strong>{SORTS[key]}</strong>
          ) : (
            <Link className="govuk-link" to={href({ sort: key })}>
              {SORTS[key]}
            </Link>
          )}
        </span>
      ))}
    </p>
  );
}
