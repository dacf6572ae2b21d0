import { useEffect, useRef, useState } from 'react';
import { Button, RemoveButton } from './forms.js';

/**
 * "Remove" that asks first: the question replaces the link, takes focus (so keyboard and screen reader users
 * land on it), and nothing is removed until "Yes, remove" is pressed. `verb` is "Remove", "Revoke"…
 */
export function ConfirmRemove({ what, onConfirm, verb = 'Remove', consequence }: { what: string; onConfirm: () => unknown; verb?: string; consequence?: string }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const question = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  if (!asking) {
    return verb === 'Remove' ? (
      <RemoveButton what={what} onRemove={() => setAsking(true)} />
    ) : (
      <button type="button" className="govuk-link synapse-link-button" onClick={() => setAsking(true)}>
        {verb}
        <span className="govuk-visually-hidden"> {what}</span>
      </button>
    );
  }
  return (
    <div className="synapse-confirm" tabIndex={-1} ref={question} role="group" aria-label={`${verb} ${what}?`}>
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2">
        {verb} “{what}”?
      </p>
      {consequence && <p className="govuk-body-s">{consequence}</p>}
      <div className="govuk-button-group govuk-!-margin-bottom-0">
        <Button
          warning
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await onConfirm();
            setBusy(false);
            setAsking(false);
          }}
        >
          Yes, {verb.toLowerCase()}
          <span className="govuk-visually-hidden"> {what}</span>
        </Button>
        <button type="button" className="govuk-link synapse-link-button" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
