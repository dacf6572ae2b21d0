import { useState } from 'react';
import { useMutation } from 'urql';
import { ConfirmRemove } from '../ConfirmRemove.js';
import { Button } from '../forms.js';
import { type MemberRole, RemoveMemberDocument, SetMemberRoleDocument } from '../../generated/graphql.js';
import { ROLES } from '../../labels.js';
import type { Act, ManagedOrganisation } from './types.js';

/**
 * The organisation's people as a summary list (it stacks on a phone, where a table overflowed and hid the
 * Remove button): each with their role to change, and Remove, which asks first.
 */
export function People({ organisation, act, viewerId }: { organisation: ManagedOrganisation; act: Act; viewerId: string }) {
  const [, setRole] = useMutation(SetMemberRoleDocument);
  const [, removeMember] = useMutation(RemoveMemberDocument);
  const [roles, setRoles] = useState<Record<string, MemberRole>>({});
  return (
    <>
      <h2 className="govuk-heading-m">People</h2>
      <dl className="govuk-summary-list" aria-label={`People at ${organisation.name}`}>
        {(organisation.members ?? []).map((person) => {
          const isYou = person.id === viewerId;
          const chosen = roles[person.id] ?? person.role;
          return (
            <div className="govuk-summary-list__row" key={person.id}>
              <dt className="govuk-summary-list__key">
                {person.name}
                {isYou && ' (you)'}
                {person.jobTitle && <span className="govuk-body-s govuk-!-display-block">{person.jobTitle}</span>}
                <span className="govuk-body-s govuk-!-display-block">{person.email}</span>
              </dt>
              <dd className="govuk-summary-list__value">
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
                {!isYou && chosen !== person.role && (
                  <div className="govuk-!-margin-top-2">
                    <Button type="button" secondary onClick={() => act(setRole({ memberId: person.id, role: chosen }))}>
                      Save role<span className="govuk-visually-hidden"> of {person.name}</span>
                    </Button>
                  </div>
                )}
              </dd>
              <dd className="govuk-summary-list__actions">
                {!isYou && (
                  <ConfirmRemove
                    what={person.name}
                    consequence="They keep their account but leave the organisation: they can no longer edit its experiments."
                    onConfirm={() => act(removeMember({ memberId: person.id }))}
                  />
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </>
  );
}
