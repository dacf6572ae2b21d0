import { Link } from 'react-router';

/** "First page" and "Next page" links (cursor pagination: there is no page count). */
export function SearchPagination({ firstHref, nextHref }: { firstHref: string | null; nextHref: string | null }) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Results pages">
      {firstHref && (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={firstHref}>
            <span className="govuk-pagination__link-title">First page</span>
          </Link>
        </div>
      )}
      {nextHref && (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" rel="next" to={nextHref}>
            <span className="govuk-pagination__link-title">Next page</span>
          </Link>
        </div>
      )}
    </nav>
  );
}
