import { Link } from 'react-router';
import type { ForkParentLinkFragment } from '../generated/graphql.js';

/** "Adapted from <original> by <council>." or, given who adapted it, "<adapter> adapted this from <original> by <council>." */
export function AdaptedFrom({ original, by }: { original: ForkParentLinkFragment; by?: string }) {
  const link = (
    <Link className="govuk-link" to={`/experiments/${original.slug}`}>
      {original.title}
    </Link>
  );
  if (by) {
    return (
      <p className="govuk-inset-text">
        {by} adapted this from {link} by {original.leadOrganisation.name}. The write-up is {by}’s own.
      </p>
    );
  }
  return (
    <p className="govuk-body">
      Adapted from {link} by {original.leadOrganisation.name}.
    </p>
  );
}
