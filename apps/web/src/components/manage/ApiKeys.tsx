import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmRemove } from '../ConfirmRemove.js';
import { Banner, Button, messageFor, type Problem, problemsFrom, TextInput } from '../forms.js';
import { CreateApiKeyDocument, RevokeApiKeyDocument } from '../../generated/graphql.js';
import { formatDate } from '../../labels.js';
import type { Act, ManagedOrganisation } from './types.js';

/**
 * Partner API keys: create one (its secret shown once), revoke one after asking. A revoked key's secret leaves
 * the screen, and "I have copied it" hides a new one.
 */
export function ApiKeys({ organisation, act, problems, setProblems, refresh }: {
  organisation: ManagedOrganisation;
  act: Act;
  problems: Problem[];
  setProblems: (problems: Problem[]) => void;
  refresh: () => void;
}) {
  const [, createKey] = useMutation(CreateApiKeyDocument);
  const [, revokeKey] = useMutation(RevokeApiKeyDocument);
  const [keyName, setKeyName] = useState('');
  const [secret, setSecret] = useState<{ id: string; name: string; secret: string } | null>(null);
  return (
    <>
      <h2 className="govuk-heading-m">Partner API keys</h2>
      <p className="govuk-body">
        Keys let your systems read Synapse through the <a className="govuk-link" href="/developers">API</a> at a higher rate limit. Send one as
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
          <button type="button" className="govuk-link synapse-link-button" onClick={() => setSecret(null)}>
            I have copied it: hide the key
          </button>
        </Banner>
      )}
      {organisation.apiKeys?.length ? (
        <dl className="govuk-summary-list" aria-label="API keys">
          {organisation.apiKeys.map((key) => (
            <div className="govuk-summary-list__row" key={key.id}>
              <dt className="govuk-summary-list__key">{key.name}</dt>
              <dd className="govuk-summary-list__value">
                Starts with <code>{key.prefix}</code>. Last used: {key.lastUsedAt ? formatDate(key.lastUsedAt, 'short') : 'never'}.
              </dd>
              <dd className="govuk-summary-list__actions">
                {key.revokedAt ? (
                  <strong className="govuk-tag govuk-tag--grey">Revoked</strong>
                ) : (
                  <ConfirmRemove
                    verb="Revoke"
                    what={key.name}
                    consequence="Systems using it stop working at once. You cannot undo this."
                    onConfirm={async () => {
                      if (await act(revokeKey({ id: key.id })) && secret?.id === key.id) setSecret(null);
                    }}
                  />
                )}
              </dd>
            </div>
          ))}
        </dl>
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
            const { apiKey, secret: value } = result.data.createApiKey;
            setSecret({ id: apiKey.id, name: apiKey.name, secret: value });
            setKeyName('');
            refresh();
          }
        }}
      >
        <TextInput id="keyName" label="Create a key" hint="Say what it is for, like “Research database sync”." value={keyName} error={messageFor(problems, 'keyName')} onChange={setKeyName} />
        <Button secondary>Create key</Button>
      </form>
    </>
  );
}
