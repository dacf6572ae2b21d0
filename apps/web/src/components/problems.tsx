import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { CombinedError } from 'urql';

// What is wrong with a form's answers: read from the API's errors or found by the form's own checks, and the GOV.UK
// error summary that lists them.

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
      // The field's name, not a list index: "placeGssCodes.0" is about the places ("0 no council has…" before).
      const property = id.split('.').filter((part) => !/^\d+$/.test(part)).at(-1) ?? id;
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
