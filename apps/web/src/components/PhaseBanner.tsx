import { Link } from 'react-router';

/** GOV.UK phase banner: Synapse is in beta, and says where feedback goes. */
export function PhaseBanner() {
  return (
    <div className="govuk-phase-banner">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
        <span className="govuk-phase-banner__text">
          This is a new service. Your{' '}
          <Link className="govuk-link" to="/contact">
            feedback
          </Link>{' '}
          will help us to improve it.
        </span>
      </p>
    </div>
  );
}
