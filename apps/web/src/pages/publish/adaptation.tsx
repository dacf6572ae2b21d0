import type { EditableExperimentFragment } from '../../generated/graphql.js';
import type { FieldSpec } from './sections.js';

type Original = NonNullable<EditableExperimentFragment['forkParent']>;

/** The parts of an adaptation's write-up that must be its own words (the API refuses an unchanged copy). */
const OWN_WORDS: Record<string, { label: string; hint: string }> = {
  summary: { label: 'Summary', hint: 'Two or three sentences, for your council: what you are doing and why.' },
  problem: { label: 'The problem here', hint: 'What is going wrong in your area, and for whom. Use your own figures if you have them.' },
  approach: { label: 'What we are changing', hint: 'How your version differs from the original: who runs it, for whom, at what scale.' },
};

/** For an adaptation, the own-words questions are asked as such; other experiments keep their questions. */
export function questionsFor(fields: FieldSpec[], experiment: EditableExperimentFragment): FieldSpec[] {
  if (!experiment.forkParent) return fields;
  return fields.map((field) => (OWN_WORDS[field.key] ? { ...field, ...OWN_WORDS[field.key] } : field));
}

/** The original's words for a question, kept beside the form for reference while the adapter writes their own. */
export function OriginalBeside({ field, original }: { field: string; original: Original | null | undefined }) {
  if (!original || !OWN_WORDS[field]) return null;
  const text = (original as unknown as Record<string, string>)[field];
  if (!text) return null;
  return (
    <details className="govuk-details govuk-!-margin-bottom-3" open>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">What {original.leadOrganisation.name} wrote, for reference</span>
      </summary>
      <div className="govuk-details__text synapse-prose">{text}</div>
    </details>
  );
}
