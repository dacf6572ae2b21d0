import { Link } from 'react-router';
import type { ForkParentLinkFragment } from '../generated/graphql.js';

/** "Adapted from <original> by <council>." */
export function AdaptedFrom({ original }: { original: ForkParentLinkFragment }) {
  return (
    <p className="govuk-body">
      Adapted from{' '}
      <Link className="govuk-link" to={`/experiments/${original.slug}`}>
        {original.title}
      </Link>{' '}
      by {original.leadOrganisation.name}.
    </p>
  );
}
