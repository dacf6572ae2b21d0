import { formatDate } from '../../labels.js';
import type { Experiment } from './types.js';

/** "3 March 2026: outcome added; moved to the scaling stage", newest first, naming no one. */
export function ExperimentHistory({ experiment }: { experiment: Experiment }) {
  if (experiment.status !== 'PUBLISHED' || experiment.changeHistory.length === 0) return null;
  return (
    <details className="govuk-details" id="history">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Changes to this page</span>
      </summary>
      <div className="govuk-details__text">
        <ul className="govuk-list">
          {experiment.changeHistory.map((day) => (
            <li key={day.on}>
              <strong>{formatDate(day.on)}:</strong> {day.changes.join('; ')}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
