import { datePartsFromIso, figureWarnings } from '@synapse/domain';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation } from 'urql';
import { DateInput } from '../../components/DateInput.js';
import { Button, Checkboxes, ErrorSummary, messageFor, numberOrNull, type Problem, problemFor, problemsFrom, Radios, TextArea, TextInput } from '../../components/forms.js';
import { AddOutcomeDocument, type EditableOutcomeFragment, type GoodDirection, UpdateOutcomeDocument, type Verdict } from '../../generated/graphql.js';
import { EVALUATION_DESIGNS, EVIDENCE_LEVELS, optionsOf, VERDICTS } from '../../labels.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { useEdit } from './edit-context.js';
import { checkOutcome, type MeasureRow, OUTCOME_LABELS } from './outcome-checks.js';

const EMPTY_MEASURE: MeasureRow = { name: '', unit: '', period: '', baseline: '', result: '', goodDirection: '' };

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** /edit/outcomes/:outcomeId: the same questions as adding one, answered already. */
export function EditOutcome() {
  const { experiment } = useEdit();
  const { outcomeId } = useParams();
  const outcome = experiment.outcomes.find((candidate) => candidate.id === outcomeId);
  if (!outcome) return <NotFoundPage />;
  return <OutcomeForm key={outcome.id} outcome={outcome} />;
}

/** Records one outcome, or corrects one: the verdict, how strong the evidence is, and the measures before and after. */
export function OutcomeForm({ outcome }: { outcome?: EditableOutcomeFragment }) {
  const { experiment, refresh } = useEdit();
  const navigate = useNavigate();
  const [, addOutcome] = useMutation(AddOutcomeDocument);
  const [, updateOutcome] = useMutation(UpdateOutcomeDocument);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [title, setTitle] = useState(outcome?.title ?? '');
  const [verdict, setVerdict] = useState<string>(outcome?.verdict ?? '');
  const [evidenceLevel, setEvidenceLevel] = useState(text(outcome?.evidenceLevel));
  const [evaluationDesign, setEvaluationDesign] = useState<string>(outcome?.evaluationDesign ?? '');
  const [independent, setIndependent] = useState<string[]>(outcome?.independentEvaluation ? ['yes'] : []);
  const [evaluatedBy, setEvaluatedBy] = useState(text(outcome?.evaluatedBy));
  const [reportedOn, setReportedOn] = useState(() => datePartsFromIso(outcome?.reportedOn));
  const [whatWorked, setWhatWorked] = useState(text(outcome?.whatWorked));
  const [whatDidNotWork, setWhatDidNotWork] = useState(text(outcome?.whatDidNotWork));
  const [measures, setMeasures] = useState<MeasureRow[]>(() =>
    outcome && outcome.measures.length > 0
      ? outcome.measures.map((measure) => ({
          name: measure.name,
          unit: text(measure.unit),
          period: text(measure.period),
          baseline: text(measure.baseline),
          result: text(measure.result),
          goodDirection: measure.goodDirection,
        }))
      : [{ ...EMPTY_MEASURE }],
  );
  const [submitting, setSubmitting] = useState(false);
  // Flagged as they are typed, never blocking: the editor may know the figures are right.
  const figure = (typed: string) => {
    const value = numberOrNull(typed);
    return value === null || Number.isNaN(value) ? null : value;
  };
  const warnings = figureWarnings(
    verdict,
    measures.map((measure) => ({ ...measure, baseline: figure(measure.baseline), result: figure(measure.result) })),
  );

  const updateMeasure = (index: number, change: Partial<MeasureRow>) =>
    setMeasures(measures.map((measure, i) => (i === index ? { ...measure, ...change } : measure)));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    // Every mistake at once: nothing is sent until the checks the API makes pass here too.
    const answers = { title, verdict, evidenceLevel, evaluationDesign, independent: independent.includes('yes'), evaluatedBy, reportedOn, whatWorked, whatDidNotWork, measures };
    const { input, problems: found, rows } = checkOutcome(answers);
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    setSubmitting(true);
    const result = outcome
      ? await updateOutcome({ id: outcome.id, version: outcome.version, input })
      : await addOutcome({ experimentId: experiment.id, input });
    setSubmitting(false);
    if (result.error) {
      setProblems(
        problemsFrom(result.error, OUTCOME_LABELS).map((problem) => ({
          ...problem,
          field: problem.field.replace(/^measures\.(\d+)/, (_, sent: string) => `measures.${rows[Number(sent)]}`),
        })),
      );
      return;
    }
    refresh();
    navigate(`/experiments/${experiment.slug}/edit/outcomes`);
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <span className="govuk-caption-l">{experiment.title}</span>
      <title>{`${outcome ? `Change ${outcome.title}` : 'Add an outcome'} – Synapse`}</title>
      <h1 className="govuk-heading-l">{outcome ? 'Change this outcome' : 'Add an outcome'}</h1>
      <TextInput id="title" label="Headline" hint="One line on what you found, like “Repeat homelessness fell by a third”." value={title} error={messageFor(problems, 'title')} onChange={setTitle} />
      <Radios
        id="verdict"
        legend="What did you conclude?"
        options={optionsOf(Object.fromEntries(Object.entries(VERDICTS).map(([value, { label }]) => [value, label])) as Record<Verdict, string>)}
        value={verdict}
        error={messageFor(problems, 'verdict')}
        onChange={setVerdict}
      />
      <Radios
        id="evidenceLevel"
        legend="How strong is the evidence?"
        hint="Nesta’s Standards of Evidence. Level 1 is fine: say what you know."
        options={Object.entries(EVIDENCE_LEVELS).map(([value, description]) => ({ value, label: `Level ${value}`, hint: description.replace(/^Level \d: /, '') }))}
        value={evidenceLevel}
        error={messageFor(problems, 'evidenceLevel')}
        onChange={setEvidenceLevel}
      />
      <Radios id="evaluationDesign" legend="How did you evaluate it?" options={optionsOf(EVALUATION_DESIGNS)} value={evaluationDesign} error={messageFor(problems, 'evaluationDesign')} onChange={setEvaluationDesign} />
      <Checkboxes id="independentEvaluation" legend="Independent evaluation" options={[{ value: 'yes', label: 'Someone outside the team evaluated it' }]} values={independent} onChange={setIndependent} />
      <TextInput id="evaluatedBy" label="Evaluated by (optional)" value={evaluatedBy} error={messageFor(problems, 'evaluatedBy')} onChange={setEvaluatedBy} />
      <DateInput id="reportedOn" legend="Date reported (optional)" value={reportedOn} problem={problemFor(problems, 'reportedOn')} onChange={setReportedOn} />
      <TextArea id="whatWorked" label="What worked (optional)" value={whatWorked} error={messageFor(problems, 'whatWorked')} onChange={setWhatWorked} />
      <TextArea id="whatDidNotWork" label="What did not work (optional)" value={whatDidNotWork} error={messageFor(problems, 'whatDidNotWork')} onChange={setWhatDidNotWork} />

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
        <Button type="button" secondary onClick={() => setMeasures([...measures, { ...EMPTY_MEASURE }])}>
          Add another measure
        </Button>
      </div>
      <Button disabled={submitting}>{outcome ? 'Save changes' : 'Save outcome'}</Button>
    </form>
  );
}
