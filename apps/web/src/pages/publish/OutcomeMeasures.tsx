import { figureWarnings } from '@synapse/domain';
import { Button, messageFor, numberOrNull, type Problem, Radios, TextInput } from '../../components/forms.js';
import type { GoodDirection } from '../../generated/graphql.js';
import { EMPTY_MEASURE, type MeasureRow } from './outcome-checks.js';

/** Flagged as they are typed, never blocking: the editor may know the figures are right. */
function figure(typed: string): number | null {
  const value = numberOrNull(typed);
  return value === null || Number.isNaN(value) ? null : value;
}

/** The outcome form's measures: a figure before and after each, which way is better, and warnings about the figures. */
export function OutcomeMeasures({ measures, onChange, verdict, problems }: { measures: MeasureRow[]; onChange: (measures: MeasureRow[]) => void; verdict: string; problems: Problem[] }) {
  const warnings = figureWarnings(
    verdict,
    measures.map((measure) => ({ ...measure, baseline: figure(measure.baseline), result: figure(measure.result) })),
  );
  const updateMeasure = (index: number, change: Partial<MeasureRow>) => onChange(measures.map((measure, i) => (i === index ? { ...measure, ...change } : measure)));
  return (
    <>
      <h2 className="govuk-heading-m">Measures</h2>
      <p className="govuk-body">A figure before and after shows others the size of the change. Leave a measure blank to skip it.</p>
      {measures.map((measure, index) => (
        <fieldset className="govuk-fieldset synapse-repeat" key={index}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Measure {index + 1}</legend>
          <TextInput id={`measures.${index}.name`} label="What you measured" hint="Like “People back in a shelter within a year”." value={measure.name} error={messageFor(problems, `measures.${index}.name`)} onChange={(name) => updateMeasure(index, { name })} />
          <TextInput id={`measures.${index}.unit`} label="Unit (optional)" hint="Like “%”, “days” or “people”." width="10" value={measure.unit} error={messageFor(problems, `measures.${index}.unit`)} onChange={(unit) => updateMeasure(index, { unit })} />
          <TextInput id={`measures.${index}.baseline`} label="Before" inputMode="decimal" width="10" value={measure.baseline} error={messageFor(problems, `measures.${index}.baseline`)} onChange={(baseline) => updateMeasure(index, { baseline })} />
          <TextInput id={`measures.${index}.result`} label="After" inputMode="decimal" width="10" value={measure.result} error={messageFor(problems, `measures.${index}.result`)} onChange={(result) => updateMeasure(index, { result })} />
          <TextInput id={`measures.${index}.period`} label="Period (optional)" hint="Like “12 months to March 2025”." width="20" value={measure.period} error={messageFor(problems, `measures.${index}.period`)} onChange={(period) => updateMeasure(index, { period })} />
          <Radios
            id={`measures.${index}.goodDirection`}
            legend="Which way is better?"
            small
            options={[
              { value: 'UP', label: 'Higher is better' },
              { value: 'DOWN', label: 'Lower is better' },
            ]}
            value={measure.goodDirection}
            error={messageFor(problems, `measures.${index}.goodDirection`)}
            onChange={(goodDirection) => updateMeasure(index, { goodDirection: goodDirection as GoodDirection })}
          />
        </fieldset>
      ))}
      {warnings.length > 0 && (
        <div className="govuk-warning-text" id="figure-warnings">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            Check these figures before you save (you can still save them):
            {warnings.map((warning) => (
              <span className="govuk-!-display-block govuk-!-font-weight-regular" key={warning}>
                {warning}
              </span>
            ))}
          </strong>
        </div>
      )}
      <div className="govuk-button-group">
        <Button type="button" secondary onClick={() => onChange([...measures, { ...EMPTY_MEASURE }])}>
          Add another measure
        </Button>
      </div>
    </>
  );
}
