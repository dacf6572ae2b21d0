import { useState } from 'react';
import type { CombinedError } from 'urql';
import { Button, ErrorSummary, messageFor, problemsFrom, TextArea } from '../forms.js';

/** A text box and a button inside a details element: editing, reporting, moderating and locking each use one. */
export function ReasonForm({ id, summary, label = 'Reason (kept in the audit log)', hint, submit, initial = '', busy, error, onSubmit }: {
  id: string;
  summary: string;
  label?: string;
  hint?: string;
  submit: string;
  initial?: string;
  busy: boolean;
  error: CombinedError | undefined;
  onSubmit: (text: string) => void;
}) {
  const [text, setText] = useState(initial);
  // The API names the field ("input.reason", "input.body"); this form's field is that name plus a suffix.
  const [field = id] = id.split('-');
  const problems = problemsFrom(error);
  return (
    <details className="govuk-details govuk-!-margin-bottom-2">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit(text);
          }}
        >
          <ErrorSummary problems={problems} linkFor={() => `#${id}`} />
          <TextArea id={id} label={label} hint={hint} value={text} onChange={setText} rows={field === 'body' ? 6 : 2} error={messageFor(problems, field)} />
          <Button disabled={busy}>{submit}</Button>
        </form>
      </div>
    </details>
  );
}
