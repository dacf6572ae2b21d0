import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmRemove } from '../ConfirmRemove.js';
import { Button, messageFor, type Problem, TextInput } from '../forms.js';
import { AddOrganisationDomainDocument, RemoveOrganisationDomainDocument } from '../../generated/graphql.js';
import type { Act, ManagedOrganisation } from './types.js';

/** The email domains whose people join the organisation automatically (platform admins). */
export function EmailDomains({ organisation, act, problems }: { organisation: ManagedOrganisation; act: Act; problems: Problem[] }) {
  const [, addDomain] = useMutation(AddOrganisationDomainDocument);
  const [, removeDomain] = useMutation(RemoveOrganisationDomainDocument);
  const [domain, setDomain] = useState('');
  return (
    <>
      <h2 className="govuk-heading-m">Email domains</h2>
      <p className="govuk-body">People who sign in with an address at these domains join {organisation.name} automatically.</p>
      <ul className="govuk-list">
        {organisation.domains.map((entry) => (
          <li key={entry.id}>
            {entry.domain} <ConfirmRemove what={entry.domain} onConfirm={() => act(removeDomain({ id: entry.id }))} />
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
  );
}
