import { type DateParts, LIMITS } from '@synapse/domain';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { Button, Checkboxes, ErrorSummary, messageFor, type Option, problemFor, Radios, Select, TextArea, TextInput } from '../../components/forms.js';
import { DateInput } from '../../components/DateInput.js';
import { ServiceAreasDocument } from '../../generated/graphql.js';
import { BUDGET_BANDS, optionsOf, STAGES } from '../../labels.js';
import { CharacterCount } from '../../components/CharacterCount.js';
import { OriginalBeside, questionsFor } from './adaptation.js';
import { ConflictBanner } from './ConflictBanner.js';
import { useEdit, useSaveExperiment } from './edit-context.js';
import { type FieldSpec, inputFrom, type Values, valuesFrom } from './section-answers.js';

export type { FieldSpec } from './section-answers.js';

/**
 * A section of the publish task list made of simple questions: shows them, saves them as a draft with
 * conflict handling, and goes back to the task list.
 */
export function FieldsSection({ heading, fields: questions, intro }: { heading: string; fields: FieldSpec[]; intro?: string }) {
  const { experiment } = useEdit();
  const fields = questionsFor(questions, experiment);
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(() => valuesFrom(experiment, fields));
  // The answers as they were when this page opened: what differs from them now is what someone else changed.
  const [opened, setOpened] = useState<Values>(values);
  const saving = useSaveExperiment((latest) => {
    setValues(valuesFrom(latest, fields));
    setOpened(valuesFrom(latest, fields));
  });
  const [{ data: areas }] = useQuery({ query: ServiceAreasDocument, pause: !fields.some((field) => field.kind === 'serviceAreas') });
  const labels = Object.fromEntries(fields.map((field) => [field.key, field.label]));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const { input, problems } = inputFrom(values, fields, experiment.stage);
    if (problems.length > 0) {
      saving.setProblems(problems);
      return;
    }
    const saved = await saving.save(input, labels, inputFrom(opened, fields).input);
    if (saved) navigate(`/experiments/${saved.slug}/edit`, { state: { saved: heading } });
  }

  const set = (key: string) => (value: string | string[] | DateParts) => setValues((current) => ({ ...current, [key]: value }));
  return (
    <form onSubmit={submit} noValidate>
      <ConflictBanner saving={saving} labels={labels} />
      <ErrorSummary problems={saving.problems} />
      <title>{`${heading}: ${experiment.title} – Synapse`}</title>
      <span className="govuk-caption-l">{experiment.title}</span>
      <h1 className="govuk-heading-l">{heading}</h1>
      {intro && <p className="govuk-body">{intro}</p>}
      {fields.map((field) => {
        const common = { id: field.key, label: field.label, hint: field.hint, error: messageFor(saving.problems, field.key) };
        const value = values[field.key];
        switch (field.kind) {
          case 'textarea':
            return (
              <div key={field.key}>
                <OriginalBeside field={field.key} original={experiment.forkParent} />
                {field.limit ? (
                  <CharacterCount {...common} limit={field.limit} value={String(value)} onChange={set(field.key)} />
                ) : (
                  <TextArea {...common} value={String(value)} onChange={set(field.key)} />
                )}
              </div>
            );
          case 'select':
            return <Select key={field.key} {...common} options={field.options} value={String(value)} onChange={set(field.key)} />;
          case 'radios':
            return <Radios key={field.key} {...common} legend={field.label} options={field.options} value={String(value)} onChange={set(field.key)} />;
          case 'serviceAreas':
            return (
              <Checkboxes
                key={field.key}
                {...common}
                legend={field.label}
                small
                options={(areas?.serviceAreas ?? []).map((area) => ({ value: area.slug, label: area.name }))}
                values={value as string[]}
                onChange={set(field.key)}
              />
            );
          case 'number':
            return <TextInput key={field.key} {...common} inputMode="numeric" width={field.width ?? '10'} value={String(value)} onChange={set(field.key)} />;
          case 'themes':
            return <TextInput key={field.key} {...common} value={String(value)} onChange={set(field.key)} />;
          case 'date':
            return <DateInput key={field.key} id={field.key} legend={field.label} hint={field.hint} value={value as DateParts} problem={problemFor(saving.problems, field.key)} onChange={set(field.key)} />;
          default:
            return (
              <TextInput
                key={field.key}
                {...common}
                type={field.kind === 'email' ? 'email' : 'text'}
                width={field.width}
                value={String(value)}
                onChange={set(field.key)}
              />
            );
        }
      })}
      <Button disabled={saving.saving}>Save and continue</Button>
    </form>
  );
}

const NO_ANSWER: Option = { value: '', label: 'Not chosen' };

export const ABOUT_FIELDS: FieldSpec[] = [
  { key: 'title', label: 'Title', hint: 'Say what you tried, in plain words, like “Housing First for people sleeping rough”.', kind: 'text', required: 'Enter a title', min: 3, max: LIMITS.titleMax },
  { key: 'summary', label: 'Summary', hint: 'Two or three sentences: what you did and what happened.', kind: 'textarea', required: 'Enter a summary', limit: LIMITS.summaryMax, max: LIMITS.summaryMax },
  { key: 'serviceAreas', label: 'Service areas', hint: 'Select all that apply.', kind: 'serviceAreas' },
  { key: 'themes', label: 'Themes (optional)', hint: 'Separate them with commas, like “prevention, co-production”.', kind: 'themes' },
  {
    key: 'stage',
    label: 'Stage',
    kind: 'radios',
    options: optionsOf(STAGES).map((option) => ({ ...option, hint: option.value === 'STOPPED' ? 'Say why in the note below.' : undefined })),
  },
  { key: 'stageNote', label: 'Note on the stage (optional)', hint: 'Needed when you stop: what made you stop.', kind: 'text', nullable: true, max: LIMITS.longTextMax },
  { key: 'startDate', label: 'Start date (optional)', kind: 'date' },
  { key: 'endDate', label: 'End date (optional)', kind: 'date' },
  { key: 'contactName', label: 'Contact name (optional)', kind: 'text', nullable: true, width: '20', max: LIMITS.shortTextMax },
  { key: 'contactRole', label: 'Contact role (optional)', kind: 'text', nullable: true, width: '20', max: LIMITS.shortTextMax },
  { key: 'contactEmail', label: 'Team email address (optional)', hint: 'A shared mailbox is best: people use it to ask the team.', kind: 'email', nullable: true, max: 320 },
];

export const PROBLEM_FIELDS: FieldSpec[] = [
  { key: 'problem', label: 'The problem', hint: 'What was going wrong, and for whom. Use figures if you have them.', kind: 'textarea', max: LIMITS.longTextMax },
  { key: 'whoItServes', label: 'Who it serves (optional)', kind: 'text', nullable: true, max: LIMITS.longTextMax },
  { key: 'approach', label: 'What you tried', hint: 'What you changed, how it worked day to day, and who did it.', kind: 'textarea', max: LIMITS.longTextMax },
  { key: 'whatIsNew', label: 'What is new about it (optional)', kind: 'textarea', max: LIMITS.longTextMax },
];

export const COST_FIELDS: FieldSpec[] = [
  { key: 'budgetBand', label: 'Budget', kind: 'radios', options: [...optionsOf(BUDGET_BANDS), { ...NO_ANSWER, label: 'Not known yet' }], nullable: true },
  { key: 'actualCost', label: 'Actual cost in pounds (optional)', hint: 'A whole number, like 25000.', kind: 'number', max: LIMITS.moneyMax },
  { key: 'fundingSource', label: 'How it was funded (optional)', hint: 'For example, “Public health grant”.', kind: 'text', nullable: true, max: LIMITS.shortTextMax },
];
