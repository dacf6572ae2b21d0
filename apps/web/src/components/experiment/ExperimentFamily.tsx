import { EVIDENCE_LEVELS, VERDICTS } from '../../labels.js';
import { Facts } from '../Facts.js';
import { LineageTree, type TreeNode } from '../LineageTree.js';
import type { Experiment } from './types.js';

function costRange(min: number | null | undefined, max: number | null | undefined): string | null {
  if (min === null || min === undefined || max === null || max === undefined) return null;
  const pounds = (value: number) => `£${value.toLocaleString('en-GB')}`;
  return min === max ? pounds(min) : `${pounds(min)} to ${pounds(max)}`;
}

/** "Every place that tried it": the family's evidence and how the idea spread. */
export function ExperimentFamily({ experiment }: { experiment: Experiment }) {
  const family = experiment.familySummary;
  if (family.familySize <= 1) return null;
  return (
    <>
      <h2 className="govuk-heading-m" id="family">
        Every place that tried it
      </h2>
      <p className="govuk-body">{family.summary}</p>
      <Facts
        facts={[
          ['Places that tried it', String(family.placesTried)],
          [
            'Verdicts',
            family.verdictCounts.length === 0
              ? 'No outcomes yet'
              : family.verdictCounts.map((count) => `${VERDICTS[count.verdict].label}: ${count.count}`).join(', '),
          ],
          ['Strongest evidence', family.strongestEvidenceLevel ? EVIDENCE_LEVELS[family.strongestEvidenceLevel] : null],
          ['Cost', costRange(family.costMin, family.costMax)],
        ]}
      />
      <h3 className="govuk-heading-s">How it spread</h3>
      <LineageTree nodes={experiment.lineage.tree as TreeNode[]} currentId={experiment.id} />
    </>
  );
}
