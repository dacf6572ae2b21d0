import { formatDate, STAGES } from '../../labels.js';
import type { Experiment } from './types.js';

/** The stages the experiment went through, with the dates the editor gave. */
export function ExperimentTimeline({ experiment }: { experiment: Experiment }) {
  return (
    <>
      <h2 className="govuk-heading-m">Timeline</h2>
      <ol className="govuk-list synapse-timeline">
        {experiment.stageHistory.map((change) => (
          <li key={change.id}>
            <strong>{STAGES[change.stage]}</strong> from {formatDate(change.changedOn)}
            {change.note && <span className="govuk-!-display-block govuk-body-s">{change.note}</span>}
          </li>
        ))}
      </ol>
    </>
  );
}
