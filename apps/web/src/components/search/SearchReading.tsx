import { Link } from 'react-router';
import type { SearchIntent, SearchPageQuery } from '../../generated/graphql.js';

type Interpretation = NonNullable<SearchPageQuery['search']['interpretation']>;

const INTENTS: Record<SearchIntent, string> = {
  FAILED_FIRST: 'Showing failed, mixed and stopped results first',
  STRONG_EVIDENCE_FIRST: 'Showing the strongest evidence first',
  LOW_COST_FIRST: 'Showing the lowest-cost results first',
  RURAL_FIRST: 'Showing results from rural councils first',
};

/**
 * How the query was read, in words, with one link to search exactly what was typed (and back). Places read from
 * the words rank first; a link keeps only those.
 */
export function SearchReading({ interpretation, href }: { interpretation: Interpretation; href: (changes: Record<string, string | null>) => string }) {
  if (interpretation.exact) {
    return (
      <section className="govuk-inset-text govuk-!-margin-top-0" aria-label="How your search was read">
        <p className="govuk-body">Showing results for exactly what you typed.</p>
        <Link className="govuk-link" to={href({ exact: null })}>
          Search for what you meant instead
        </Link>
      </section>
    );
  }
  const lines: { key: string; text: string; link?: { to: string; label: string } }[] = [
    ...interpretation.expansions.map(({ term, meaning }) => ({ key: `e-${term}`, text: `Including ${meaning} (${term})` })),
    ...interpretation.intents.map(({ intent }) => ({ key: `i-${intent}`, text: INTENTS[intent] })),
    ...interpretation.placesPreferred.map(({ field, value, label }) => ({
      key: `p-${field}-${value}`,
      text: `Showing results from ${label} first`,
      link: { to: href({ [field]: value }), label: `Only show results from ${label}` },
    })),
  ];
  if (lines.length === 0 && !interpretation.exactQueryAvailable) return null;
  return (
    <section className="govuk-inset-text govuk-!-margin-top-0" aria-label="How your search was read">
      {lines.length > 0 && (
        <ul className="govuk-list govuk-!-margin-bottom-2">
          {lines.map((line) => (
            <li key={line.key}>
              {line.text}
              {line.link && (
                <>
                  {' – '}
                  <Link className="govuk-link" to={line.link.to}>
                    {line.link.label}
                  </Link>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {interpretation.exactQueryAvailable && (
        <Link className="govuk-link" to={href({ exact: '1' })}>
          Search for exactly what you typed
        </Link>
      )}
    </section>
  );
}
