import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { Button, Checkboxes, ErrorSummary, messageFor, numberOrNull, type Problem, problemsFrom, Radios, RemoveButton, TextArea, TextInput } from '../../components/forms.js';
import { AddOutcomeDocument, type EvaluationDesign, type GoodDirection, RemoveOutcomeDocument, type Verdict } from '../../generated/graphql.js';
import { EVALUATION_DESIGNS, EVIDENCE_LEVELS, optionsOf, VERDICTS } from '../../labels.js';
import { AddOrContinue, useEdit } from './edit-context.js';

/** The outcomes already recorded, each removable, and the way to add another. */
export function Outcomes() {
  const { experiment, refresh } = useEdit();
  const [, removeOutcome] = useMutation(RemoveOutcomeDocument);
  const [problems, setProblems] = useState<Problem[]>([]);
  return (
    <>
      <ErrorSummary problems={problems} />
      <span className="govuk-caption-l">{experiment.title}</span>
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
                <RemoveButton
                  what={outcome.title}
                  onRemove={async () => {
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

interface MeasureRow {
  name: string;
  unit: string;
  period: string;
  baseline: string;
  result: string;
  goodDirection: GoodDirection;
}

const EMPTY_MEASURE: MeasureRow = { name: '', unit: '', period: '', baseline: '', result: '', goodDirection: 'UP' };

/** Records one outcome: the verdict, how strong the evidence is, and the measures before and after. */
export function AddOutcome() {
  const { experiment, refresh } = useEdit();
  const navigate = useNavigate();
  const [, addOutcome] = useMutation(AddOutcomeDocument);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [title, setTitle] = useState('');
  const [verdict, setVerdict] = useState('');
  const [evidenceLevel, setEvidenceLevel] = useState('');
  const [evaluationDesign, setEvaluationDesign] = useState('');
  const [independent, setIndependent] = useState<string[]>([]);
  const [evaluatedBy, setEvaluatedBy] = useState('');
  const [reportedOn, setReportedOn] = useState('');
  const [whatWorked, setWhatWorked] = useState('');
  const [whatDidNotWork, setWhatDidNotWork] = useState('');
  const [measures, setMeasures] = useState<MeasureRow[]>([{ ...EMPTY_MEASURE }]);
  const [submitting, setSubmitting] = useState(false);

  const updateMeasure = (index: number, change: Partial<MeasureRow>) =>
    setMeasures(measures.map((measure, i) => (i === index ? { ...measure, ...change } : measure)));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    // Questions without a default answer are checked here, so the error names the question rather than a type.
    const missing: Problem[] = [];
    if (!verdict) missing.push({ field: 'verdict', message: 'Select what you concluded' });
    if (!evidenceLevel) missing.push({ field: 'evidenceLevel', message: 'Select how strong the evidence is' });
    if (!evaluationDesign) missing.push({ field: 'evaluationDesign', message: 'Select how you evaluated it' });
    // Blank measures are skipped; `rows` remembers where each sent measure is on the page, for its errors.
    const rows = measures.flatMap((measure, index) =>
      Object.entries(measure).some(([key, value]) => key !== 'goodDirection' && value.trim()) ? [index] : [],
    );
    const used = rows.map((index) => measures[index]);
    used.forEach((measure, sent) => {
      const index = rows[sent];
      for (const key of ['baseline', 'result'] as const) {
        const number = numberOrNull(measure[key]);
        if (number !== null && Number.isNaN(number)) missing.push({ field: `measures.${index}.${key}`, message: `Enter the ${key === 'baseline' ? 'before' : 'after'} figure as a number, like 42.5` });
      }
    });
    if (missing.length > 0) {
      setProblems(missing);
      return;
    }
    setSubmitting(true);
    const result = await addOutcome({
      experimentId: experiment.id,
      input: {
        title,
        verdict: verdict as Verdict,
        evidenceLevel: Number(evidenceLevel),
        evaluationDesign: evaluationDesign as EvaluationDesign,
        independentEvaluation: independent.includes('yes'),
        evaluatedBy: evaluatedBy.trim() || null,
        reportedOn: reportedOn || null,
        whatWorked: whatWorked.trim() || null,
        whatDidNotWork: whatDidNotWork.trim() || null,
        measures: used.map((measure) => ({
          name: measure.name,
          unit: measure.unit.trim() || null,
          period: measure.period.trim() || null,
          baseline: numberOrNull(measure.baseline),
          result: numberOrNull(measure.result),
          goodDirection: measure.goodDirection,
        })),
      },
    });
    setSubmitting(false);
    if (result.error) {
      const labels = { title: 'Headline', name: 'Measure name', whatWorked: 'What worked', whatDidNotWork: 'What did not work' };
      setProblems(
        problemsFrom(result.error, labels).map((problem) => ({
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
      <h1 className="govuk-heading-l">Add an outcome</h1>
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
        options={Object.entries(EVIDENCE_LEVELS).map(([value, text]) => ({ value, label: `Level ${value}`, hint: text.replace(/^Level \d: /, '') }))}
        value={evidenceLevel}
        error={messageFor(problems, 'evidenceLevel')}
        onChange={setEvidenceLevel}
      />
      <Radios id="evaluationDesign" legend="How did you evaluate it?" options={optionsOf(EVALUATION_DESIGNS)} value={evaluationDesign} error={messageFor(problems, 'evaluationDesign')} onChange={setEvaluationDesign} />
      <Checkboxes id="independentEvaluation" legend="Independent evaluation" options={[{ value: 'yes', label: 'Someone outside the team evaluated it' }]} values={independent} onChange={setIndependent} />
      <TextInput id="evaluatedBy" label="Evaluated by (optional)" value={evaluatedBy} error={messageFor(problems, 'evaluatedBy')} onChange={setEvaluatedBy} />
      <TextInput id="reportedOn" label="Date reported (optional)" type="date" width="10" value={reportedOn} error={messageFor(problems, 'reportedOn')} onChange={setReportedOn} />
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
            onChange={(goodDirection) => updateMeasure(index, { goodDirection: goodDirection as GoodDirection })}
          />
        </fieldset>
      ))}
      <div className="govuk-button-group">
        <Button type="button" secondary onClick={() => setMeasures([...measures, { ...EMPTY_MEASURE }])}>
          Add another measure
        </Button>
      </div>
      <Button disabled={submitting}>Save outcome</Button>
    </form>
  );
}
