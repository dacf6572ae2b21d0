import type { ReactNode } from 'react';

// Problems and the error summary live in problems.tsx; every form imports them from here with the components.
export { ErrorSummary, isConflict, messageFor, type Problem, problemFor, problemsFrom } from './problems.js';

interface FieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Show the label as the page heading (GOV.UK's one-question pages). */
  isPageHeading?: boolean;
}

/** A question's hint and error message, with the ids its input's aria-describedby points to. */
export function HintAndError({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
    </>
  );
}

function FieldGroup({ id, label, hint, error, isPageHeading, children }: FieldProps & { children: ReactNode }) {
  const labelElement = (
    <label className={`govuk-label${isPageHeading ? ' govuk-label--l' : ''}`} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelElement}</h1> : labelElement}
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function TextInput({
  value,
  onChange,
  type = 'text',
  width,
  autoComplete,
  inputMode,
  list,
  spellCheck,
  ...field
}: FieldProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'url';
  width?: '2' | '3' | '4' | '5' | '10' | '20' | '30';
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'email' | 'url';
  list?: string;
  spellCheck?: boolean;
}) {
  return (
    <FieldGroup {...field}>
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${field.error ? ' govuk-input--error' : ''}`}
        id={field.id}
        name={field.id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(field.id, field.hint, field.error)}
        autoComplete={autoComplete}
        inputMode={inputMode}
        list={list}
        spellCheck={spellCheck}
      />
    </FieldGroup>
  );
}

export function TextArea({ value, onChange, rows = 5, ...field }: FieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <FieldGroup {...field}>
      <textarea
        className={`govuk-textarea${field.error ? ' govuk-textarea--error' : ''}`}
        id={field.id}
        name={field.id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(field.id, field.hint, field.error)}
      />
    </FieldGroup>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

export function Select({ value, onChange, options, ...field }: FieldProps & { value: string; onChange: (value: string) => void; options: Option[] }) {
  return (
    <FieldGroup {...field}>
      <select
        className={`govuk-select${field.error ? ' govuk-select--error' : ''}`}
        id={field.id}
        name={field.id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(field.id, field.hint, field.error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldGroup>
  );
}

interface ChoiceProps {
  /** The id of the first input, which the error summary links to. */
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: Option[];
  small?: boolean;
}

/** GOV.UK radios or checkboxes in a fieldset; the first input carries `id` so error links land on it. */
function Choices({ id, legend, hint, error, options, small, type, isChecked, onToggle }: ChoiceProps & {
  type: 'radio' | 'checkbox';
  isChecked: (value: string) => boolean;
  onToggle: (value: string, checked: boolean) => void;
}) {
  const kind = type === 'radio' ? 'radios' : 'checkboxes';
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className={`govuk-${kind}${small ? ` govuk-${kind}--small` : ''}`}>
          {options.map((option, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className={`govuk-${kind}__item`} key={option.value}>
                <input
                  className={`govuk-${kind}__input`}
                  id={inputId}
                  name={id}
                  type={type}
                  value={option.value}
                  checked={isChecked(option.value)}
                  onChange={(event) => onToggle(option.value, event.target.checked)}
                  aria-describedby={option.hint ? `${inputId}-item-hint` : undefined}
                />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={inputId}>
                  {option.label}
                </label>
                {option.hint && (
                  <div id={`${inputId}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Radios({ value, onChange, ...props }: ChoiceProps & { value: string; onChange: (value: string) => void }) {
  return <Choices {...props} type="radio" isChecked={(option) => option === value} onToggle={(option) => onChange(option)} />;
}

export function Checkboxes({ values, onChange, ...props }: ChoiceProps & { values: string[]; onChange: (values: string[]) => void }) {
  return (
    <Choices
      {...props}
      type="checkbox"
      isChecked={(option) => values.includes(option)}
      onToggle={(option, checked) => onChange(checked ? [...values, option] : values.filter((value) => value !== option))}
    />
  );
}

export function Button({ children, secondary, warning, disabled, onClick, type = 'submit' }: {
  children: ReactNode;
  secondary?: boolean;
  warning?: boolean;
  disabled?: boolean;
  onClick?: () => void;
  type?: 'submit' | 'button';
}) {
  const variant = secondary ? ' govuk-button--secondary' : warning ? ' govuk-button--warning' : '';
  return (
    <button type={type} className={`govuk-button${variant}`} data-module="govuk-button" disabled={disabled} aria-disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}

/** A GOV.UK notification banner; `success` for confirmations, otherwise "Important". */
export function Banner({ title, success, children }: { title: string; success?: boolean; children?: ReactNode }) {
  return (
    <div
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby="notification-banner-title"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="notification-banner-title">
          {success ? 'Success' : 'Important'}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{title}</p>
        {children}
      </div>
    </div>
  );
}

/** Numbers typed into a form: "" is no answer; anything else must be a number, or the API says what is wrong. */
export function numberOrNull(text: string): number | null {
  // People write money as they would on paper: "£18,500" is 18500.
  const trimmed = text.replace(/[£,\s]/g, '');
  return trimmed === '' ? null : Number(trimmed);
}

/** A link-styled button that removes one item of a list; `what` names the item for screen readers. */
export function RemoveButton({ what, onRemove }: { what: string; onRemove: () => void }) {
  return (
    <button type="button" className="govuk-link synapse-link-button" onClick={onRemove}>
      Remove<span className="govuk-visually-hidden"> {what}</span>
    </button>
  );
}
