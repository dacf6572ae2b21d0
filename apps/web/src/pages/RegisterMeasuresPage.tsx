import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { AlreadyRegistered } from '../components/freshness/AlreadyRegistered.js';
import { Button, ErrorSummary, messageFor, type Problem, problemsFrom, Radios, RemoveButton, Select, TextArea, TextInput } from '../components/forms.js';
import { type EvaluationDesign, ExperimentFreshnessDocument, type GoodDirection, RegisterMeasuresDocument } from '../generated/graphql.js';
import { checkRegistration, EMPTY, type MeasureDraft } from './register-checks.js';
import { EVALUATION_DESIGNS, EVIDENCE_LEVELS } from '../labels.js';
import { NotFoundPage } from './NotFoundPage.js';
import { QueryProblem } from './QueryProblem.js';


function MeasureFields({ index, measure, problems, onChange, onRemove }: {
  index: number;
  measure: MeasureDraft;
  problems: Problem[];
  onChange: (measure: MeasureDraft) => void;
  onRemove?: () => void;
}) {
  const id = (field: string) => `measures.${index}.${field}`;
  return (
    <fieldset className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Measure {index + 1}</legend>
      <TextInput id={id('name')} label="What you will measure" hint="Outcomes report against it by this name." value={measure.name} error={messageFor(problems, id('name'))} onChange={(name) => onChange({ ...measure, name })} />
      <TextInput id={id('baseline')} label="Baseline (optional)" hint="The figure before the pilot, if known." width="10" inputMode="decimal" value={measure.baseline} error={messageFor(problems, id('baseline'))} onChange={(baseline) => onChange({ ...measure, baseline })} />
      <TextInput id={id('unit')} label="Unit (optional)" hint="For example: %, days, people." width="10" value={measure.unit} error={messageFor(problems, id('unit'))} onChange={(unit) => onChange({ ...measure, unit })} />
      <Radios
        id={id('goodDirection')}
        legend="Which way is better?"
        small
        value={measure.goodDirection}
        onChange={(goodDirection) => onChange({ ...measure, goodDirection: goodDirection as GoodDirection })}
        options={[
          { value: 'UP', label: 'Higher is better' },
          { value: 'DOWN', label: 'Lower is better' },
        ]}
      />
      {onRemove && <RemoveButton what={`measure ${index + 1}`} onRemove={onRemove} />}
    </fieldset>
  );
}

/** /experiments/:slug/register: the team registers its measures and evaluation before any results. */
export function RegisterMeasuresPage() {
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, error }] = useQuery({ query: ExperimentFreshnessDocument, variables: { slug } });
  const [measures, setMeasures] = useState<MeasureDraft[]>([EMPTY]);
  const [design, setDesign] = useState<EvaluationDesign>('BEFORE_AFTER');
  const [level, setLevel] = useState('2');
  const [plan, setPlan] = useState('');
  const [{ fetching, error: registerError }, register] = useMutation(RegisterMeasuresDocument);
  const [found, setFound] = useState<Problem[]>([]);

  if (error) return <QueryProblem error={error} />;
  if (!data) return <p className="govuk-body">Loading…</p>;
  const experiment = data.experiment;
  if (!experiment || !experiment.viewerCan.edit) return <NotFoundPage />;
  const problems = found.length > 0 ? found : problemsFrom(registerError, { evaluationPlan: 'How you will evaluate', experimentId: 'Registration' });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    // Every mistake at once, checked as the API would (register-checks.ts).
    const { sent, problems: foundNow } = checkRegistration(measures, plan);
    setFound(foundNow);
    if (foundNow.length > 0) return;
    const input = {
      measures: sent,
      evaluationDesign: design,
      targetEvidenceLevel: Number(level),
      evaluationPlan: plan.trim() || null,
    };
    const registered = await register({ experimentId: experiment!.id, input });
    if (registered.data) navigate(`/experiments/${experiment!.slug}`, { state: { registered: true } });
  }

  if (experiment.registration) return <AlreadyRegistered experiment={experiment} />;

  return (
    <form onSubmit={submit} noValidate>
      <title>{`Register measures – ${experiment.title} – Synapse`}</title>
      <ErrorSummary problems={problems} />
      <span className="govuk-caption-l">
        <Link className="govuk-link govuk-link--muted" to={`/experiments/${experiment.slug}`}>{experiment.title}</Link>
      </span>
      <h1 className="govuk-heading-l">Register what you will measure</h1>
      <p className="govuk-body">
        Say now, before the results are in, what you will measure and how you will evaluate it. The registration is dated and cannot be
        changed: when you report an outcome, readers see each registered measure against what you reported, including any you drop or add.
      </p>
      {measures.map((measure, index) => (
        <MeasureFields
          key={index}
          index={index}
          measure={measure}
          problems={problems}
          onChange={(changed) => setMeasures(measures.map((other, at) => (at === index ? changed : other)))}
          onRemove={measures.length > 1 ? () => setMeasures(measures.filter((_, at) => at !== index)) : undefined}
        />
      ))}
      <Button type="button" secondary onClick={() => setMeasures([...measures, EMPTY])}>
        Add another measure
      </Button>
      <Select
        id="evaluationDesign"
        label="How you will evaluate it"
        value={design}
        onChange={(value) => setDesign(value as EvaluationDesign)}
        options={Object.entries(EVALUATION_DESIGNS).map(([value, label]) => ({ value, label }))}
      />
      <Radios
        id="targetEvidenceLevel"
        legend="The strength of evidence you aim for"
        value={level}
        onChange={setLevel}
        options={Object.entries(EVIDENCE_LEVELS).map(([value, label]) => ({ value, label }))}
      />
      <TextArea id="evaluationPlan" label="How you will evaluate it (optional)" hint="For example: the comparison group, where the data comes from, and when you will measure." value={plan} error={messageFor(problems, 'evaluationPlan')} onChange={setPlan} />
      <Button disabled={fetching}>Register these measures</Button>
    </form>
  );
}
