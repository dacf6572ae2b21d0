import { Button, messageFor, type Problem, RemoveButton, Select, TextInput } from '../../components/forms.js';
import type { PartnerRole } from '../../generated/graphql.js';
import { optionsOf, PARTNER_ROLES } from '../../labels.js';

// The two lists on the places and partners page (PlacesAndPartners.tsx), each edited in place until the page is saved.

export interface Place {
  gssCode: string;
  name: string;
}

export interface PartnerRow {
  name: string;
  role: PartnerRole;
  contribution: string;
  organisationSlug: string | null;
}

/** The councils where it ran, each with a button to remove it. */
export function PlaceList({ places, onChange }: { places: Place[]; onChange: (places: Place[]) => void }) {
  return (
    <>
      {places.length === 0 ? (
        <p className="govuk-body">No places added yet.</p>
      ) : (
        <dl className="govuk-summary-list" aria-label="Places">
          {places.map((place) => (
            <div className="govuk-summary-list__row" key={place.gssCode}>
              <dt className="govuk-summary-list__key">{place.name}</dt>
              <dd className="govuk-summary-list__value">{place.gssCode}</dd>
              <dd className="govuk-summary-list__actions">
                <RemoveButton what={place.name} onRemove={() => onChange(places.filter((p) => p.gssCode !== place.gssCode))} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

/** One fieldset per partner (name, role, what they did), and a button to add another. */
export function PartnerRows({ partners, onChange, problems }: { partners: PartnerRow[]; onChange: (partners: PartnerRow[]) => void; problems: Problem[] }) {
  const updatePartner = (index: number, change: Partial<PartnerRow>) => onChange(partners.map((partner, i) => (i === index ? { ...partner, ...change } : partner)));
  return (
    <>
      {partners.map((partner, index) => (
        <fieldset className="govuk-fieldset synapse-repeat" key={index}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Partner {index + 1}</legend>
          <TextInput
            id={`partners.${index}.name`}
            label="Name"
            value={partner.name}
            error={messageFor(problems, `partners.${index}.name`)}
            onChange={(name) => updatePartner(index, { name })}
          />
          <Select
            id={`partners.${index}.role`}
            label="Role"
            options={optionsOf(PARTNER_ROLES)}
            value={partner.role}
            onChange={(role) => updatePartner(index, { role: role as PartnerRole })}
          />
          <TextInput
            id={`partners.${index}.contribution`}
            label="What they did (optional)"
            value={partner.contribution}
            error={messageFor(problems, `partners.${index}.contribution`)}
            onChange={(contribution) => updatePartner(index, { contribution })}
          />
          <Button type="button" secondary onClick={() => onChange(partners.filter((_, i) => i !== index))}>
            Remove partner {index + 1}
          </Button>
        </fieldset>
      ))}
      <div className="govuk-button-group">
        <Button type="button" secondary onClick={() => onChange([...partners, { name: '', role: 'DELIVERY', contribution: '', organisationSlug: null }])}>
          {partners.length === 0 ? 'Add a partner' : 'Add another partner'}
        </Button>
      </div>
    </>
  );
}
