import { type DatePart, type DateParts } from '@synapse/domain';
import { describedBy, HintAndError, type Problem } from './forms.js';

const BOXES: Array<{ part: DatePart; label: string; width: '2' | '4' }> = [
  { part: 'day', label: 'Day', width: '2' },
  { part: 'month', label: 'Month', width: '2' },
  { part: 'year', label: 'Year', width: '4' },
];

/**
 * The GOV.UK date input: a fieldset of day, month and year boxes (govuk-frontend's date-input markup), in place of
 * the browser's date picker, which Chromium shows as mm/dd/yyyy. `value` holds the boxes as typed; `checkDateParts`
 * and `datePartsFromIso` in @synapse/domain turn them into the API's ISO date and back. An error names the date as a
 * whole; only the boxes `problem.inputs` lists (ids like "startDate-month") are marked, all three when it lists none.
 */
export function DateInput({ id, legend, hint = 'For example, 27 3 2025', value, problem, onChange }: {
  id: string;
  legend: string;
  hint?: string;
  value: DateParts;
  problem?: Problem;
  onChange: (value: DateParts) => void;
}) {
  const error = problem?.message;
  const atFault = (part: DatePart) => Boolean(error) && (!problem?.inputs?.length || problem.inputs.includes(`${id}-${part}`));
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      {/* role="group": JAWS reads a fieldset's description only with it (govuk-frontend does the same). */}
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className="govuk-date-input" id={id}>
          {BOXES.map(({ part, label, width }) => (
            <div className="govuk-date-input__item" key={part}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
                  {label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${width}${atFault(part) ? ' govuk-input--error' : ''}`}
                  id={`${id}-${part}`}
                  name={`${id}-${part}`}
                  type="text"
                  inputMode="numeric"
                  value={value[part]}
                  onChange={(event) => onChange({ ...value, [part]: event.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** A problem with one date, from `checkDateParts`, for the form's error summary and the DateInput at `id`. */
export function dateProblem(id: string, check: { message: string; parts: DatePart[] }): Problem {
  return { field: id, message: check.message, inputs: check.parts.map((part) => `${id}-${part}`) };
}
