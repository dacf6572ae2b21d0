import { Link } from 'react-router';
import { InfoPage } from './InfoPage.js';

/** /privacy: what personal data Synapse holds about the people who use it, and why. */
export function PrivacyPage() {
  return (
    <InfoPage title="Privacy notice">
      <p className="govuk-body">
        You can read and search Synapse without signing in, and without giving us any personal data. This notice is about the people who sign
        in: council officers and partners who publish, follow and adapt experiments.
      </p>
      <h2 className="govuk-heading-m">What we hold</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>your work email address, which you use to sign in</li>
        <li>the name and job title you give, shown beside what you publish to other members of your organisation</li>
        <li>your organisation and your role in it (member, editor or administrator)</li>
        <li>what you follow, your saved notifications and how often you want emails</li>
        <li>a record of the changes you make to published experiments (the audit log), kept so that councils can stand behind their pages</li>
      </ul>
      <p className="govuk-body">
        Experiments themselves are not personal data: councils publish them under the Open Government Licence. A team contact on an
        experiment is a role or shared mailbox the council chose to show.
      </p>
      <h2 className="govuk-heading-m">Why we hold it</h2>
      <p className="govuk-body">
        To let you sign in, to show who published what within your organisation, and to tell you about the experiments you follow. We do not
        sell it, use it for advertising, or share it outside Synapse. The public change history of an experiment says what changed and when,
        never who.
      </p>
      <h2 className="govuk-heading-m">Your rights</h2>
      <p className="govuk-body">
        From{' '}
        <Link className="govuk-link" to="/account">
          your account
        </Link>{' '}
        you can download everything we hold about you, and delete your account: your sign-in details go, and your name is removed from
        anything you published (the experiments stay, as your council’s). You can also complain to the Information Commissioner’s Office.
      </p>
      <p className="govuk-body">
        Questions about your data:{' '}
        <Link className="govuk-link" to="/contact">
          contact us
        </Link>
        .
      </p>
    </InfoPage>
  );
}
