import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { ConfirmRemove } from '../../components/ConfirmRemove.js';
import { ErrorSummary, type Problem, problemsFrom } from '../../components/forms.js';
import { RemoveOutcomeDocument } from '../../generated/graphql.js';
import { EVIDENCE_LEVELS, VERDICTS } from '../../labels.js';
import { AddOrContinue, useEdit } from './edit-context.js';

/** The outcomes already recorded, each changeable and removable (after asking), and the way to add another. */
export function Outcomes() {
  const { experiment, refresh } = useEdit();
  const [, removeOutcome] = useMutation(RemoveOutcomeDocument);
  const [problems, setProblems] = useState<Problem[]>([]);
  return (
    <>
      <ErrorSummary problems={problems} />
      <span className="govuk-caption-l">{experiment.title}</span>
      <title>{`Outcomes: ${experiment.title} – Synapse`}</title>
      <h1 className="govuk-heading-l">Outcomes</h1>
      <p className="govuk-body">
        Say what happened, including what did not work. Results that disappoint save other councils the most time.
      </p>
      {experiment.outcomes.length === 0 && <p className="govuk-body">No outcomes recorded yet.</p>}
      {experiment.outcomes.map((outcome) => (
        <div className="govuk-summary-card" key={outcome.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h2 className="govuk-summary-card__title">{outcome.title}</h2>
            <ul className="govuk-summary-card__actions">
              <li className="govuk-summary-card__action">
                <Link className="govuk-link" to={`/experiments/${experiment.slug}/edit/outcomes/${outcome.id}`}>
                  Change<span className="govuk-visually-hidden"> {outcome.title}</span>
                </Link>
              </li>
              <li className="govuk-summary-card__action">
                <ConfirmRemove
                  what={outcome.title}
                  consequence={experiment.status === 'PUBLISHED' ? 'It disappears from the public page at once. To correct a figure, change the outcome instead.' : undefined}
                  onConfirm={async () => {
                    const result = await removeOutcome({ id: outcome.id, version: outcome.version });
                    setProblems(problemsFrom(result.error));
                    refresh();
                  }}
                />
              </li>
            </ul>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Verdict</dt>
                <dd className="govuk-summary-list__value">{VERDICTS[outcome.verdict].label}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Evidence</dt>
                <dd className="govuk-summary-list__value">{EVIDENCE_LEVELS[outcome.evidenceLevel]}</dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Measures</dt>
                <dd className="govuk-summary-list__value">{outcome.measures.map((measure) => measure.name).join(', ') || 'None'}</dd>
              </div>
            </dl>
          </div>
        </div>
      ))}
      <AddOrContinue add="outcomes/new">{experiment.outcomes.length === 0 ? 'Add an outcome' : 'Add another outcome'}</AddOrContinue>
    </>
  );
}
