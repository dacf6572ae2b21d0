import { InfoPage } from './InfoPage.js';

/** /cookies: Synapse sets only the cookies it needs to work, so there is nothing to accept or reject. */
export function CookiesPage() {
  return (
    <InfoPage title="Cookies">
      <p className="govuk-body">
        Cookies are small files saved on your phone or computer when you visit a website. Synapse uses only the cookies it needs to work, so we
        do not ask for your consent to them. There are no analytics or advertising cookies.
      </p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Essential cookies</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Name
            </th>
            <th scope="col" className="govuk-table__header">
              Purpose
            </th>
            <th scope="col" className="govuk-table__header">
              Expires
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          <tr className="govuk-table__row">
            <td className="govuk-table__cell">synapse_session</td>
            <td className="govuk-table__cell">Keeps you signed in. Only set when you sign in.</td>
            <td className="govuk-table__cell">30 days, or when you sign out</td>
          </tr>
          <tr className="govuk-table__row">
            <td className="govuk-table__cell">synapse_oidc</td>
            <td className="govuk-table__cell">Only when you sign in through your council’s identity provider: links the sign-in to this browser.</td>
            <td className="govuk-table__cell">10 minutes</td>
          </tr>
        </tbody>
      </table>
    </InfoPage>
  );
}
