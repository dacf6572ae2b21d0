import { EVALUATION_DESIGNS, EVIDENCE_LEVELS, formatDate, VERDICTS } from '../../labels.js';
import { RegisteredMeasures } from '../freshness/RegisteredMeasures.js';
import { changeInWords, formatFigure, MeasureChart } from '../MeasureChart.js';
import { Prose } from './Prose.js';
import type { Experiment } from './types.js';

type Outcome = Experiment['outcomes'][number];

function OutcomeText({ heading, text }: { heading: string; text: string | null | undefined }) {
  if (!text) return null;
  return (
    <>
      <h4 className="govuk-heading-s">{heading}</h4>
      <Prose>{text}</Prose>
    </>
  );
}

function OutcomeSection({ outcome }: { outcome: Outcome }) {
  return (
    <section className="govuk-!-margin-bottom-8">
      <h3 className="govuk-heading-s">
        {outcome.title} <strong className={`govuk-tag ${VERDICTS[outcome.verdict].tag}`}>{VERDICTS[outcome.verdict].label}</strong>
      </h3>
      <p className="govuk-body">
        {EVIDENCE_LEVELS[outcome.evidenceLevel]} Evaluated by {EVALUATION_DESIGNS[outcome.evaluationDesign].toLowerCase()}
        {outcome.independentEvaluation ? `, independently${outcome.evaluatedBy ? ` (${outcome.evaluatedBy})` : ''}` : ''}.
        {outcome.reportedOn && ` Reported ${formatDate(outcome.reportedOn)}.`}
      </p>
      {outcome.measures.map((measure) => (
        <div className="synapse-measure" key={measure.name}>
          <h4 className="govuk-heading-s govuk-!-margin-bottom-1">
            {measure.name}
            {measure.period && <span className="govuk-body-s"> ({measure.period})</span>}
          </h4>
          <MeasureChart measure={measure} />
          <p className="govuk-body-s">
            Before {formatFigure(measure.baseline, measure.unit)}, after {formatFigure(measure.result, measure.unit)}.{' '}
            <strong>{changeInWords(measure)}</strong> ({measure.goodDirection === 'UP' ? 'higher' : 'lower'} is better)
          </p>
        </div>
      ))}
      <OutcomeText heading="What worked" text={outcome.whatWorked} />
      <OutcomeText heading="What did not work" text={outcome.whatDidNotWork} />
      <OutcomeText heading="What it needs to work elsewhere" text={outcome.conditionsForSuccess} />
    </section>
  );
}

function EvidenceLevelsExplained() {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">What the evidence levels mean</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">
          Levels follow Nesta’s Standards of Evidence. They say how sure we can be that the change came from the experiment, not whether it
          is worth doing: a level 1 result that failed is still worth reading.
        </p>
        <ul className="govuk-list">
          {Object.values(EVIDENCE_LEVELS).map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      </div>
    </details>
  );
}

/**
 * The "Outcomes" section: each outcome with its measures, then what the evidence levels mean, then the measures
 * registered before results against those reported.
 */
export function ExperimentOutcomes({ experiment }: { experiment: Experiment }) {
  return (
    <>
      <h2 className="govuk-heading-m">Outcomes</h2>
      {experiment.outcomes.length === 0 ? (
        <p className="govuk-body">No outcomes published yet.</p>
      ) : (
        <>
          {experiment.outcomes.map((outcome) => (
            <OutcomeSection key={outcome.id} outcome={outcome} />
          ))}
          <EvidenceLevelsExplained />
        </>
      )}
      <RegisteredMeasures slug={experiment.slug} />
    </>
  );
}
