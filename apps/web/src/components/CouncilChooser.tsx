import { type FormEvent, useState } from 'react';
import { OrganisationPicker } from './OrganisationPicker.js';

/**
 * Choose a council by any of its names (the shared council-name matcher), for "councils like …".
 * Calls `onChoose` with the council's GSS code once the name typed names one council.
 */
export function CouncilChooser({ id, label, hint, button, onChoose }: {
  id: string;
  label: string;
  hint?: string;
  button: string;
  onChoose: (gssCode: string) => void;
}) {
  const [text, setText] = useState('');
  const [gssCode, setGssCode] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (gssCode) onChoose(gssCode);
    else setError(text.trim() ? `No council called ${text.trim()}: choose one from the suggestions` : 'Enter the name of a council');
  };
  return (
    <form onSubmit={submit} noValidate>
      <OrganisationPicker
        id={id}
        label={label}
        hint={hint}
        error={error}
        kinds={['COUNCIL']}
        value={text}
        onChange={(typed, match) => {
          setText(typed);
          setGssCode(match?.gssCode ?? null);
          setError(undefined);
        }}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        {button}
      </button>
    </form>
  );
}
