import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <>
      <title>Page not found – Synapse</title>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">
        You can <Link className="govuk-link" to="/search">search for experiments</Link> instead.
      </p>
    </>
  );
}
