import { Prose } from './Prose.js';
import type { Experiment } from './types.js';

function Subsection({ heading, text }: { heading: string; text: string | null | undefined }) {
  if (!text) return null;
  return (
    <>
      <h3 className="govuk-heading-s">{heading}</h3>
      <Prose>{text}</Prose>
    </>
  );
}

/** The write-up: how it was adapted (if it was), the problem, and what they tried. */
export function ExperimentStory({ experiment }: { experiment: Experiment }) {
  return (
    <>
      {experiment.forkParent && (
        <>
          <h2 className="govuk-heading-m">What {experiment.leadOrganisation.name} changed</h2>
          {experiment.adaptationNotes && <Prose>{experiment.adaptationNotes}</Prose>}
        </>
      )}
      <h2 className="govuk-heading-m">The problem</h2>
      <Prose>{experiment.problem || 'Not described yet.'}</Prose>
      <Subsection heading="Who it serves" text={experiment.whoItServes} />
      <h2 className="govuk-heading-m">What they tried</h2>
      <Prose>{experiment.approach || 'Not described yet.'}</Prose>
      <Subsection heading="What is new about it" text={experiment.whatIsNew} />
    </>
  );
}
