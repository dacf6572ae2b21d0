import { Link } from 'react-router';
import { PARTNER_ROLES } from '../../labels.js';
import type { Experiment } from './types.js';

/** The organisations that worked on the experiment and what each did. */
export function ExperimentPartners({ experiment }: { experiment: Experiment }) {
  if (experiment.partners.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Partners</h2>
      <ul className="govuk-list">
        {experiment.partners.map((partner) => (
          <li key={partner.id}>
            {partner.organisation ? (
              <Link className="govuk-link" to={`/organisations/${partner.organisation.slug}`}>
                {partner.name}
              </Link>
            ) : (
              partner.name
            )}{' '}
            ({PARTNER_ROLES[partner.role].toLowerCase()}){partner.contribution && `: ${partner.contribution}`}
          </li>
        ))}
      </ul>
    </>
  );
}
