import { InfoPage } from './InfoPage.js';

/** /developers: where "API" in the navigation leads; the explorer is linked from here, not opened bare. */
export function DevelopersPage() {
  return (
    <InfoPage title="Synapse API for developers">
      <p className="govuk-body">
        Everything on Synapse is open: councils publish under the Open Government Licence, and partners build on it through a public GraphQL
        API at <code>/graphql</code>. Reading published experiments needs no key.
      </p>
      <h2 className="govuk-heading-m">Start here</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          <a className="govuk-link" href="/graphql">
            Try queries in the GraphQL explorer
          </a>{' '}
          (an interactive tool; it is not fully accessible, and everything it shows is also in the schema below)
        </li>
        <li>
          the schema, with a description on every type and field: it is <code>apps/api/schema.graphql</code> in the source, and any GraphQL
          tool can read it from the API by introspection
        </li>
        <li>
          Open data without the API: <a className="govuk-link" href="/export/experiments.json">experiments as JSON</a>,{' '}
          <a className="govuk-link" href="/export/experiments.csv">CSV</a> and an{' '}
          <a className="govuk-link" href="/feeds/experiments.atom">Atom feed</a>
        </li>
      </ul>
      <h2 className="govuk-heading-m">An example</h2>
      {/* Focusable and labelled: on a phone the example scrolls sideways, and keyboard users must be able to scroll it. */}
      <pre className="synapse-code" tabIndex={0} aria-label="Example query">
        <code>{`query {
  search(query: "hospital discharge", first: 5) {
    edges { node { title leadOrganisation { name } familySummary { summary } } }
  }
}`}</code>
      </pre>
      <h2 className="govuk-heading-m">Keys, limits and errors</h2>
      <p className="govuk-body">
        To write (publish or update your organisation’s experiments from your own systems) an administrator creates an API key on the
        organisation’s page. Every error carries a stable code in <code>extensions.code</code>: <code>BAD_USER_INPUT</code> (with the field at
        fault), <code>NOT_FOUND</code>, <code>FORBIDDEN</code>, <code>UNAUTHENTICATED</code> or <code>CONFLICT</code>. The partner guide in
        the source repository (<code>docs/api.md</code>) has the details.
      </p>
    </InfoPage>
  );
}
