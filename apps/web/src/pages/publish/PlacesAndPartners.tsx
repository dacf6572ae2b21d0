import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, ErrorSummary, messageFor, RemoveButton, Select, TextInput } from '../../components/forms.js';
import { type OrganisationOption, OrganisationPicker } from '../../components/OrganisationPicker.js';
import type { EditableExperimentFragment, PartnerRole } from '../../generated/graphql.js';
import { optionsOf, PARTNER_ROLES } from '../../labels.js';
import { ConflictBanner } from './ConflictBanner.js';
import { useEdit, useSaveExperiment } from './edit-context.js';

interface Place {
  gssCode: string;
  name: string;
}
interface PartnerRow {
  name: string;
  role: PartnerRole;
  contribution: string;
  organisationSlug: string | null;
}

const placesOf = (experiment: EditableExperimentFragment): Place[] =>
  experiment.places.flatMap((place) => (place.gssCode ? [{ gssCode: place.gssCode, name: place.name }] : []));
const partnersOf = (experiment: EditableExperimentFragment): PartnerRow[] =>
  experiment.partners.map((partner) => ({
    name: partner.name,
    role: partner.role,
    contribution: partner.contribution ?? '',
    organisationSlug: partner.organisation?.slug ?? null,
  }));

const LABELS = { name: 'Partner name', contribution: 'What they did', placeGssCodes: 'Places', partners: 'Partners' };

const inputOf = (places: Place[], partners: PartnerRow[]) => ({
  placeGssCodes: places.map((place) => place.gssCode),
  partners: partners.filter((partner) => partner.name.trim()).map((partner) => ({ ...partner, contribution: partner.contribution.trim() || null })),
});

/** Where it ran (councils, from reference data) and who it ran with. */
export function PlacesAndPartners() {
  const { experiment } = useEdit();
  const navigate = useNavigate();
  const [places, setPlaces] = useState(() => placesOf(experiment));
  const [partners, setPartners] = useState(() => partnersOf(experiment));
  const [placeText, setPlaceText] = useState('');
  const [placeMatch, setPlaceMatch] = useState<OrganisationOption | null>(null);
  // What the page showed when it opened: only someone else's change to these conflicts with a save here.
  const [opened, setOpened] = useState(() => inputOf(placesOf(experiment), partnersOf(experiment)));
  const saving = useSaveExperiment((latest) => {
    setPlaces(placesOf(latest));
    setPartners(partnersOf(latest));
    setOpened(inputOf(placesOf(latest), partnersOf(latest)));
  });

  function addPlace() {
    if (!placeMatch?.gssCode) {
      saving.setProblems([{ field: 'place', message: placeText.trim() ? `Choose a council from the list: no council is called “${placeText.trim()}”` : 'Enter the name of a council' }]);
      return;
    }
    const { gssCode, name } = placeMatch;
    if (!places.some((place) => place.gssCode === gssCode)) setPlaces([...places, { gssCode, name }]);
    setPlaceText('');
    setPlaceMatch(null);
    saving.setProblems([]);
  }

  function updatePartner(index: number, change: Partial<PartnerRow>) {
    setPartners(partners.map((partner, i) => (i === index ? { ...partner, ...change } : partner)));
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const saved = await saving.save(inputOf(places, partners), LABELS, opened);
    if (saved) navigate(`/experiments/${saved.slug}/edit`, { state: { saved: 'Places and partners' } });
  }

  return (
    <form onSubmit={submit} noValidate>
      <ConflictBanner saving={saving} labels={LABELS} />
      <ErrorSummary problems={saving.problems} />
      <span className="govuk-caption-l">{experiment.title}</span>
      <title>{`Places and partners: ${experiment.title} – Synapse`}</title>
      <h1 className="govuk-heading-l">Places and partners</h1>
      <h2 className="govuk-heading-m">Where it ran</h2>
      {places.length === 0 ? (
        <p className="govuk-body">No places added yet.</p>
      ) : (
        <dl className="govuk-summary-list" aria-label="Places">
          {places.map((place) => (
            <div className="govuk-summary-list__row" key={place.gssCode}>
              <dt className="govuk-summary-list__key">{place.name}</dt>
              <dd className="govuk-summary-list__value">{place.gssCode}</dd>
              <dd className="govuk-summary-list__actions">
                <RemoveButton what={place.name} onRemove={() => setPlaces(places.filter((p) => p.gssCode !== place.gssCode))} />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {/* Enter in the place box adds the place rather than saving the page. */}
      <div
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          addPlace();
        }}
      >
        <OrganisationPicker
          id="place"
          label="Add a council where it ran"
          hint="Start typing its name, like “Wigan”, then choose it."
          kinds={['COUNCIL']}
          error={messageFor(saving.problems, 'place')}
          value={placeText}
          onChange={(text, match) => {
            setPlaceText(text);
            setPlaceMatch(match);
          }}
        />
      </div>
      <Button type="button" secondary onClick={addPlace}>
        Add place
      </Button>

      <h2 className="govuk-heading-m">Partners</h2>
      {partners.map((partner, index) => (
        <fieldset className="govuk-fieldset synapse-repeat" key={index}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Partner {index + 1}</legend>
          <TextInput
            id={`partners.${index}.name`}
            label="Name"
            value={partner.name}
            error={messageFor(saving.problems, `partners.${index}.name`)}
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
            error={messageFor(saving.problems, `partners.${index}.contribution`)}
            onChange={(contribution) => updatePartner(index, { contribution })}
          />
          <Button type="button" secondary onClick={() => setPartners(partners.filter((_, i) => i !== index))}>
            Remove partner {index + 1}
          </Button>
        </fieldset>
      ))}
      <div className="govuk-button-group">
        <Button type="button" secondary onClick={() => setPartners([...partners, { name: '', role: 'DELIVERY', contribution: '', organisationSlug: null }])}>
          {partners.length === 0 ? 'Add a partner' : 'Add another partner'}
        </Button>
      </div>
      <Button disabled={saving.saving}>Save and continue</Button>
    </form>
  );
}
