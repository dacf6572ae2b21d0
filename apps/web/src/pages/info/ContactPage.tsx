import { Link } from 'react-router';
import { InfoPage } from './InfoPage.js';

/** /contact: who to ask about what. */
export function ContactPage() {
  return (
    <InfoPage title="Contact Synapse">
      <h2 className="govuk-heading-m">About an experiment</h2>
      <p className="govuk-body">
        Questions about what a council tried, its figures or its documents are for the council’s team: use “Ask the team a question” on the
        experiment’s page. They know it best, and Synapse does not edit councils’ pages.
      </p>
      <h2 className="govuk-heading-m">About Synapse</h2>
      <p className="govuk-body">
        For help signing in, joining your organisation, a problem with the service, an accessibility problem, or a question about your data,
        email <a className="govuk-link" href="mailto:support@synapse.example">support@synapse.example</a>. We reply within 5 working days.
      </p>
      <p className="govuk-body">
        If a page is wrong and its council is not answering, tell us which page and what is wrong: we will ask the council to correct or{' '}
        withdraw it.
      </p>
      <h2 className="govuk-heading-m">For developers</h2>
      <p className="govuk-body">
        See the{' '}
        <Link className="govuk-link" to="/developers">
          API documentation
        </Link>
        .
      </p>
    </InfoPage>
  );
}
