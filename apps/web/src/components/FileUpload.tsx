import { HintAndError } from './forms.js';
import type { UploadState } from './use-file-upload.js';

/**
 * The GOV.UK file upload pattern, with progress: a labelled file input (errors tied to it), then a progress
 * bar and a polite live region so screen readers hear "Uploading… 40%" and "uploaded" without losing focus.
 */
export function FileUpload({ id, label, hint, error, state, percent, onSelect }: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  state: UploadState;
  percent: number;
  onSelect: (file: File) => void;
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', `${id}-status`].filter(Boolean).join(' ');
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        id={id}
        name={id}
        type="file"
        aria-describedby={describedBy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onSelect(file);
        }}
      />
      {state === 'uploading' && (
        <div className="govuk-!-margin-top-2">
          <label className="govuk-body-s" htmlFor={`${id}-progress`}>
            Uploading
          </label>{' '}
          <progress id={`${id}-progress`} max={100} value={percent}>
            {percent}%
          </progress>
        </div>
      )}
      {/* Announced once per change of state, not on every percent. */}
      <p id={`${id}-status`} className="govuk-body-s govuk-!-margin-top-2" aria-live="polite">
        {state === 'uploading' ? 'Uploading the file…' : state === 'uploaded' ? 'Upload complete.' : ''}
      </p>
    </div>
  );
}
