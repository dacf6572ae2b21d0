import { Link } from 'react-router';
import { useHttpStatus } from '../render-context.js';

/** GOV.UK's "page not found" pattern, answered with HTTP 404 (for unknown addresses and unknown or hidden records). */
export function NotFoundPage() {
  useHttpStatus(404);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <title>Page not found – Synapse</title>
        <h1 className="govuk-heading-l">Page not found</h1>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p className="govuk-body">
          If the web address is correct or you selected a link or button, the experiment may have been deleted as a draft, or made private by
          its council. You can{' '}
          <Link className="govuk-link" to="/search">
            search for experiments
          </Link>{' '}
          or{' '}
          <Link className="govuk-link" to="/contact">
            contact us
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
