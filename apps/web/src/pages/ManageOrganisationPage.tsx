import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Banner, Button, ErrorSummary, messageFor, type Problem, problemsFrom, TextInput } from '../components/forms.js';
import {
  AddOrganisationDomainDocument,
  CreateApiKeyDocument,
  DecideJoinRequestDocument,
  ManageOrganisationDocument,
  type MemberRole,
  RemoveMemberDocument,
  RemoveOrganisationDomainDocument,
  RevokeApiKeyDocument,
  SetMemberRoleDocument,
} from '../generated/graphql.js';
import { formatDate, ROLES } from '../labels.js';
import { useSession } from '../session.js';
import { NotFoundPage } from './NotFoundPage.js';
import { QueryProblem } from './QueryProblem.js';
import { SignInNeeded } from './SignInPage.js';

/** /organisations/:slug/manage: people, requests to join, partner API keys and (platform admins) email domains. */
export function ManageOrganisationPage() {
  const { slug = '' } = useParams();
  const session = useSession();
  const [{ data, error }, reexecute] = useQuery({ query: ManageOrganisationDocument, variables: { slug }, pause: !session.member });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [, setRole] = useMutation(SetMemberRoleDocument);
  const [, removeMember] = useMutation(RemoveMemberDocument);
  const [, decide] = useMutation(DecideJoinRequestDocument);
  const [, createKey] = useMutation(CreateApiKeyDocument);
  const [, revokeKey] = useMutation(RevokeApiKeyDocument);
  const [, addDomain] = useMutation(AddOrganisationDomainDocument);
  const [, removeDomain] = useMutation(RemoveOrganisationDomainDocument);
  const [keyName, setKeyName] = useState('');
  const [domain, setDomain] = useState('');
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [roles, setRoles] = useState<Record<string, MemberRole>>({});

  if (session.loading) return <p className="govuk-body">Loading…</p>;
  if (!session.member) return <SignInNeeded action="manage your organisation" />;
  if (error) return <QueryProblem error={error} />;
  if (!data) return <p className="govuk-body">Loading…</p>;
  const organisation = data.organisation;
  if (!organisation) return <NotFoundPage />;
  const can = organisation.viewerCan;
  if (!can.manageMembers && !can.manageApiKeys && !can.manageDomains) {
    return (
      <>
        <h1 className="govuk-heading-l">You cannot manage {organisation.name}</h1>
        <p className="govuk-body">Only its admins can. Ask one of them if you need a change.</p>
      </>
    );
  }

  /** Runs a change; on success fetches the page again, otherwise shows what was wrong. */
  async function act(change: Promise<{ error?: Parameters<typeof problemsFrom>[0] }>, labels: Record<string, string> = {}): Promise<boolean> {
    const result = await change;
    setProblems(problemsFrom(result.error, labels));
    if (!result.error) reexecute({ requestPolicy: 'network-only' });
    return !result.error;
  }

  return (
    <>
      <title>{`Manage ${organisation.name} – Synapse`}</title>
      <ErrorSummary problems={problems} />
      <span className="govuk-caption-l">
        <Link className="govuk-link govuk-link--muted" to={`/organisations/${organisation.slug}`}>
          {organisation.officialName}
        </Link>
      </span>
      <h1 className="govuk-heading-l">Manage {organisation.name}</h1>

      {can.manageMembers && (
        <>
          <h2 className="govuk-heading-m">Requests to join</h2>
          {organisation.joinRequests?.length ? (
            <dl className="govuk-summary-list">
              {organisation.joinRequests.map((request) => (
                <div className="govuk-summary-list__row" key={request.id}>
                  <dt className="govuk-summary-list__key">
                    {request.member.name}
                    <span className="govuk-body-s govuk-!-display-block">{request.member.email}</span>
                  </dt>
                  <dd className="govuk-summary-list__value">{request.message || 'No message'}</dd>
                  <dd className="govuk-summary-list__actions">
                    <ul className="govuk-summary-list__actions-list">
                      <li className="govuk-summary-list__actions-list-item">
                        <button type="button" className="govuk-link synapse-link-button" onClick={() => act(decide({ id: request.id, approve: true }))}>
                          Approve<span className="govuk-visually-hidden"> {request.member.name}</span>
                        </button>
                      </li>
                      <li className="govuk-summary-list__actions-list-item">
                        <button type="button" className="govuk-link synapse-link-button" onClick={() => act(decide({ id: request.id, approve: false }))}>
                          Reject<span className="govuk-visually-hidden"> {request.member.name}</span>
                        </button>
                      </li>
                    </ul>
                  </dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="govuk-body">No requests waiting.</p>
          )}

          <h2 className="govuk-heading-m">People</h2>
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">People at {organisation.name}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Name</th>
                <th scope="col" className="govuk-table__header">Role</th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {(organisation.members ?? []).map((person) => {
                const isYou = person.id === session.member!.id;
                const chosen = roles[person.id] ?? person.role;
                return (
                  <tr className="govuk-table__row" key={person.id}>
                    <td className="govuk-table__cell">
                      {person.name}
                      {isYou && ' (you)'}
                      <span className="govuk-body-s govuk-!-display-block">{person.email}</span>
                    </td>
                    <td className="govuk-table__cell">
                      <label className="govuk-visually-hidden" htmlFor={`role-${person.id}`}>
                        Role of {person.name}
                      </label>
                      <select
                        className="govuk-select"
                        id={`role-${person.id}`}
                        value={chosen}
                        disabled={isYou}
                        onChange={(event) => setRoles({ ...roles, [person.id]: event.target.value as MemberRole })}
                      >
                        {Object.entries(ROLES).map(([value, label]) => (
                          <option key={value} value={value}>
                            {label}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td className="govuk-table__cell">
                      {!isYou && (
                        <div className="govuk-button-group govuk-!-margin-bottom-0">
                          {chosen !== person.role && (
                            <Button type="button" secondary onClick={() => act(setRole({ memberId: person.id, role: chosen }))}>
                              Save role<span className="govuk-visually-hidden"> of {person.name}</span>
                            </Button>
                          )}
                          <Button type="button" warning onClick={() => act(removeMember({ memberId: person.id }))}>
                            Remove<span className="govuk-visually-hidden"> {person.name}</span>
                          </Button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}

      {can.manageApiKeys && (
        <>
          <h2 className="govuk-heading-m">Partner API keys</h2>
          <p className="govuk-body">
            Keys let your systems read Synapse through the <a className="govuk-link" href="/graphql">GraphQL API</a> at a higher rate limit. Send one as
            “Authorization: Bearer &lt;key&gt;”.
          </p>
          {secret && (
            <Banner success title={`Key “${secret.name}” created`}>
              <p className="govuk-body">Copy it now: it will not be shown again.</p>
              <p className="govuk-body">
                <code className="synapse-secret" data-testid="api-key-secret">
                  {secret.secret}
                </code>
              </p>
            </Banner>
          )}
          {organisation.apiKeys?.length ? (
            <table className="govuk-table">
              <caption className="govuk-visually-hidden">API keys</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Name</th>
                  <th scope="col" className="govuk-table__header">Starts with</th>
                  <th scope="col" className="govuk-table__header">Last used</th>
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {organisation.apiKeys.map((key) => (
                  <tr className="govuk-table__row" key={key.id}>
                    <td className="govuk-table__cell">{key.name}</td>
                    <td className="govuk-table__cell">
                      <code>{key.prefix}</code>
                    </td>
                    <td className="govuk-table__cell">{key.lastUsedAt ? formatDate(key.lastUsedAt, 'short') : 'Never'}</td>
                    <td className="govuk-table__cell">
                      {key.revokedAt ? (
                        <strong className="govuk-tag govuk-tag--grey">Revoked</strong>
                      ) : (
                        <button type="button" className="govuk-link synapse-link-button" onClick={() => act(revokeKey({ id: key.id }))}>
                          Revoke<span className="govuk-visually-hidden"> {key.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="govuk-body">No keys yet.</p>
          )}
          <form
            noValidate
            onSubmit={async (event) => {
              event.preventDefault();
              const result = await createKey({ organisationId: organisation.id, name: keyName });
              setProblems(problemsFrom(result.error, { name: 'Key name' }).map((problem) => ({ ...problem, field: problem.field === 'name' ? 'keyName' : problem.field })));
              if (result.data) {
                setSecret({ name: result.data.createApiKey.apiKey.name, secret: result.data.createApiKey.secret });
                setKeyName('');
                reexecute({ requestPolicy: 'network-only' });
              }
            }}
          >
            <TextInput id="keyName" label="Create a key" hint="Say what it is for, like “Research database sync”." value={keyName} error={messageFor(problems, 'keyName')} onChange={setKeyName} />
            <Button secondary>Create key</Button>
          </form>
        </>
      )}

      {can.manageDomains && (
        <>
          <h2 className="govuk-heading-m">Email domains</h2>
          <p className="govuk-body">People who sign in with an address at these domains join {organisation.name} automatically.</p>
          <ul className="govuk-list">
            {organisation.domains.map((entry) => (
              <li key={entry.id}>
                {entry.domain}{' '}
                <button type="button" className="govuk-link synapse-link-button" onClick={() => act(removeDomain({ id: entry.id }))}>
                  Remove<span className="govuk-visually-hidden"> {entry.domain}</span>
                </button>
              </li>
            ))}
          </ul>
          <form
            noValidate
            onSubmit={async (event) => {
              event.preventDefault();
              if (await act(addDomain({ organisationId: organisation.id, domain: domain.trim() }), { domain: 'Domain' })) setDomain('');
            }}
          >
            <TextInput id="domain" label="Add a domain" hint="Like “wigan.gov.uk”." spellCheck={false} value={domain} error={messageFor(problems, 'domain')} onChange={setDomain} />
            <Button secondary>Add domain</Button>
          </form>
        </>
      )}
    </>
  );
}
