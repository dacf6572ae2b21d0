import { datePartsFromIso } from '@synapse/domain';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation } from 'urql';
import { DateInput } from '../../components/DateInput.js';
import { Button, Checkboxes, ErrorSummary, messageFor, type Problem, problemFor, problemsFrom, Radios, TextArea, TextInput } from '../../components/forms.js';
import { AddOutcomeDocument, type EditableOutcomeFragment, UpdateOutcomeDocument, type Verdict } from '../../generated/graphql.js';
import { EVALUATION_DESIGNS, EVIDENCE_LEVELS, optionsOf, VERDICTS } from '../../labels.js';
import { NotFoundPage } from '../NotFoundPage.js';
import { useEdit } from './edit-context.js';
import { checkOutcome, EMPTY_MEASURE, type MeasureRow, OUTCOME_LABELS } from './outcome-checks.js';
import { OutcomeMeasures } from './OutcomeMeasures.js';

const text = (value: string | number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** The outcome's measures as the form's rows, or one blank row to start with. */
function measureRowsOf(outcome: EditableOutcomeFragment | undefined): MeasureRow[] {
  if (!outcome || outcome.measures.length === 0) return [{ ...EMPTY_MEASURE }];
  return outcome.measures.map((measure) => ({
    name: measure.name,
    unit: text(measure.unit),
    period: text(measure.period),
    baseline: text(measure.baseline),
    result: text(measure.result),
    goodDirection: measure.goodDirection,
  }));
}

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
  const [measures, setMeasures] = useState<MeasureRow[]>(() => measureRowsOf(outcome));
  const [submitting, setSubmitting] = useState(false);
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
        options={Object.entries(EVIDENCE_LEVELS).map(([value, text]) => ({ value, label: `Level ${value}`, hint: text.replace(/^Level \d: /, '') }))}
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

      <OutcomeMeasures measures={measures} onChange={setMeasures} verdict={verdict} problems={problems} />
      <Button disabled={submitting}>{outcome ? 'Save changes' : 'Save outcome'}</Button>
    </form>
  );
}
