import { Link } from 'react-router';
import { InfoPage } from './InfoPage.js';

/** /accessibility: the accessibility statement, in the shape public sector bodies use. */
export function AccessibilityPage() {
  return (
    <InfoPage title="Accessibility statement for Synapse">
      <p className="govuk-body">
        Synapse is where UK councils publish the experiments they run, what happened, and what others can reuse. We want as many people as
        possible to be able to use it. You should be able to:
      </p>
      <ul className="govuk-list govuk-list--bullet">
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>use every page, including publishing an experiment, with a keyboard alone</li>
        <li>use it with a screen reader (we test with the page structure and labels screen readers rely on)</li>
        <li>use it on a phone as well as a computer</li>
      </ul>
      <h2 className="govuk-heading-m">How accessible this service is</h2>
      <p className="govuk-body">
        Pages are built from the GOV.UK Design System’s components and checked automatically for accessibility failures (with axe) at desktop
        and phone widths every time the code changes. We know of these gaps:
      </p>
      <ul className="govuk-list govuk-list--bullet">
        <li>the hex maps of councils show places by colour and position; the same places are always listed in words beside them</li>
        <li>
          the GraphQL explorer for developers is a third-party tool that is not fully accessible; the{' '}
          <Link className="govuk-link" to="/developers">
            developer documentation
          </Link>{' '}
          gives the same information as a page
        </li>
        <li>documents that councils link to (business cases, evaluations) are theirs, and may not be accessible</li>
      </ul>
      <h2 className="govuk-heading-m">Reporting problems</h2>
      <p className="govuk-body">
        If something does not work for you, or you need information in a different format, tell us through the{' '}
        <Link className="govuk-link" to="/contact">
          contact page
        </Link>
        . We reply within 5 working days.
      </p>
      <h2 className="govuk-heading-m">Enforcement procedure</h2>
      <p className="govuk-body">
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile
        Applications) (No. 2) Accessibility Regulations 2018. If you are not happy with how we respond to your complaint, contact the Equality
        Advisory and Support Service (EASS).
      </p>
      <h2 className="govuk-heading-m">Compliance status</h2>
      <p className="govuk-body">
        This service is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, because of the gaps listed
        above. This statement was prepared on 30 November 2026 and is reviewed whenever the service changes substantially.
      </p>
    </InfoPage>
  );
}
