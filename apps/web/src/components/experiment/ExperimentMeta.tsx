import { VERDICTS } from '../../labels.js';
import { PageMeta } from '../PageMeta.js';
import type { Experiment } from './types.js';

/** What its outcomes found, in a few words: "Worked", "Worked, mixed", or that no results are published yet. */
export function verdictSummary(experiment: Pick<Experiment, 'outcomes'>): string {
  const verdicts = [...new Set(experiment.outcomes.map((outcome) => outcome.verdict))];
  if (verdicts.length === 0) return 'No results published yet';
  return verdicts.map((verdict, index) => (index === 0 ? VERDICTS[verdict].label : VERDICTS[verdict].label.toLowerCase())).join(', ');
}

/** The experiment's title, summary, verdict and council for search engines and link previews. */
export function ExperimentMeta({ experiment }: { experiment: Experiment }) {
  const verdict = verdictSummary(experiment);
  const council = experiment.leadOrganisation.name;
  return (
    <PageMeta
      title={experiment.title}
      type="article"
      description={`${council}. ${verdict}. ${experiment.summary}`}
      facts={[
        ['Council', council],
        ['Verdict', verdict],
      ]}
    />
  );
}
