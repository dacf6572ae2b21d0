import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, ErrorSummary, messageFor } from '../../components/forms.js';
import { type OrganisationOption, OrganisationPicker } from '../../components/OrganisationPicker.js';
import type { EditableExperimentFragment } from '../../generated/graphql.js';
import { ConflictBanner } from './ConflictBanner.js';
import { useEdit, useSaveExperiment } from './edit-context.js';
import { type PartnerRow, PartnerRows, type Place, PlaceList } from './PlaceAndPartnerLists.js';


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
      <PlaceList places={places} onChange={setPlaces} />
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
      <PartnerRows partners={partners} onChange={setPartners} problems={saving.problems} />
      <Button disabled={saving.saving}>Save and continue</Button>
    </form>
  );
}
