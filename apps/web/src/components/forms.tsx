import { type ReactNode, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { CombinedError } from 'urql';

/** One thing wrong with what was entered, tied to the id of the field at fault. */
export interface Problem {
  field: string;
  message: string;
  /** The session has ended: offer to sign in again without leaving (and losing) the form. */
  signIn?: boolean;
  /** In a question of several boxes (a date's day, month, year): the ids of the boxes at fault, the first linked to. */
  inputs?: string[];
}

/**
 * Turns an API error into problems the page can show: BAD_USER_INPUT carries a list of field paths
 * ("input.title", "experiment.problem", "input.measures.0.name"), which become the ids of the form's fields.
 * `labels` gives each field's name as the form shows it, so messages read "Title must…" not "title must…".
 */
export function problemsFrom(error: CombinedError | undefined, labels: Record<string, string> = {}): Problem[] {
  if (!error) return [];
  // The same error gives the same list, so the error summary takes focus once per failed attempt, not on every render.
  const known = remembered.get(error);
  if (known) return known;
  const problems = readProblems(error, labels);
  remembered.set(error, problems);
  return problems;
}

const remembered = new WeakMap<CombinedError, Problem[]>();

function readProblems(error: CombinedError, labels: Record<string, string>): Problem[] {
  const graphQLError = error.graphQLErrors[0];
  const code = graphQLError?.extensions?.code;
  if (code === 'BAD_USER_INPUT') {
    const listed = (graphQLError.extensions.problems as Array<{ field: string; reason: string }> | undefined) ?? [
      { field: String(graphQLError.extensions.field ?? ''), reason: String(graphQLError.extensions.reason ?? graphQLError.message) },
    ];
    // One message per field, the first (GOV.UK shows one error per question).
    const firsts = listed.filter((problem, index) => listed.findIndex((other) => other.field === problem.field) === index);
    return firsts.map(({ field, reason }) => {
      const id = field.replace(/^(input|experiment)\./, '');
      const property = id.split('.').at(-1) ?? id;
      const label = labels[id] ?? labels[property] ?? sentenceFromProperty(property);
      return { field: id, message: messageWithLabel(reason, property, label) };
    });
  }
  if (code === 'UNAUTHENTICATED') {
    return [{ field: '', message: 'Your session has ended. What you entered is still here: sign in again, then save.', signIn: true }];
  }
  if (code === 'FORBIDDEN') return [{ field: '', message: graphQLError.message }];
  if (code === 'CONFLICT' || code === 'RATE_LIMITED') return [{ field: '', message: graphQLError.message }];
  if (error.networkError) return [{ field: '', message: 'Synapse could not be reached. Check your connection and try again.' }];
  return [{ field: '', message: 'Sorry, something went wrong. Try again in a moment.' }];
}

export function isConflict(error: CombinedError | undefined): boolean {
  return error?.graphQLErrors.some((e) => e.extensions?.code === 'CONFLICT') ?? false;
}

/**
 * The API writes validation messages as GOV.UK sentences naming the field in words ("Summary must be 600 characters
 * or fewer", "Enter a summary"): the label this form shows replaces those words where they lead. Domain reasons are fragments
 * ("is needed before publishing"), which follow the label.
 */
function messageWithLabel(reason: string, property: string, label: string): string {
  const words = sentenceFromProperty(property);
  const plainLabel = label.replace(/\s*\(optional\)$/, '');
  let message: string;
  if (reason.startsWith(`${words} `)) message = `${plainLabel}${reason.slice(words.length)}`;
  else if (/^[A-Z]/.test(reason)) message = reason; // "Enter a summary", "Choose no more than 5 service areas"
  else message = `${plainLabel} ${reason.startsWith(`${property} `) ? reason.slice(property.length + 1) : reason}`;
  return message.replace(/\s+/g, ' ');
}

function sentenceFromProperty(property: string): string {
  const words = property.replace(/([A-Z])/g, ' $1').toLowerCase().replace(/\bgss\b/g, 'GSS');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function messageFor(problems: Problem[], field: string): string | undefined {
  return problems.find((problem) => problem.field === field)?.message;
}

export function problemFor(problems: Problem[], field: string): Problem | undefined {
  return problems.find((problem) => problem.field === field);
}

/**
 * The GOV.UK error summary: takes focus when it appears, each problem links to its field. `linkFor` sends a
 * problem to a field on another page (as a path with the field's id after #).
 */
export function ErrorSummary({ problems, linkFor }: { problems: Problem[]; linkFor?: (field: string) => string | undefined }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length > 0) summary.current?.focus();
  }, [problems]);
  // GOV.UK: while a form shows errors, its page title starts with "Error: " (screen readers read the title first).
  useEffect(() => {
    if (problems.length === 0) return;
    const title = document.title.replace(/^Error: /, '');
    document.title = `Error: ${title}`;
    return () => {
      if (document.title === `Error: ${title}`) document.title = title;
    };
  }, [problems]);
  if (problems.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} ref={summary}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {problems.map((problem, index) => (
              <li key={index}>
                {problem.field && linkFor?.(problem.field) ? (
                  <Link to={linkFor(problem.field)!}>{problem.message}</Link>
                ) : problem.field ? (
                  <a
                    href={`#${problem.inputs?.[0] ?? problem.field}`}
                    onClick={(event) => {
                      // Move focus to the field itself (the browser would only scroll to it); for a group, its first box.
                      const group = document.getElementById(problem.inputs?.[0] ?? problem.field);
                      const target = group?.matches('input, select, textarea') ? group : (group?.querySelector<HTMLElement>('input, select, textarea') ?? group);
                      if (!target) return;
                      event.preventDefault();
                      target.focus();
                      target.scrollIntoView({ block: 'center' });
                    }}
                  >
                    {problem.message}
                  </a>
                ) : problem.signIn ? (
                  <>
                    {problem.message}{' '}
                    {/* A new tab, so this page (and what was typed into it) stays as it is while the person signs in. */}
                    <a href="/sign-in" target="_blank" rel="noopener">
                      Sign in again (opens in a new tab)
                    </a>
                  </>
                ) : (
                  problem.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

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
export function Banner({ title, success, children }: { title: string; success?: boolean; children: ReactNode }) {
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
