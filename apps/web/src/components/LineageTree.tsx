import { Link } from 'react-router';
import type { LineageNodeFieldsFragment, Verdict } from '../generated/graphql.js';
import { VERDICTS } from '../labels.js';

/** A lineage node as the page query fetches it: a few generations deep. */
export type TreeNode = LineageNodeFieldsFragment & { children?: TreeNode[] };

function VerdictTag({ verdict }: { verdict: Verdict | null }) {
  if (!verdict) return <span className="govuk-body-s synapse-secondary-text">no outcome yet</span>;
  return <strong className={`govuk-tag ${VERDICTS[verdict].tag}`}>{VERDICTS[verdict].label}</strong>;
}

/** The family of adaptations as nested lists: each place, its council and verdict; this page's one marked in words. */
export function LineageTree({ nodes, currentId }: { nodes: TreeNode[]; currentId: string }) {
  return (
    <ul className="govuk-list synapse-lineage">
      {nodes.map((node) => (
        <li key={node.experiment.id}>
          {node.experiment.id === currentId ? (
            <strong>
              {node.experiment.title} ({node.experiment.leadOrganisation.name}) <span className="govuk-body-s">– this experiment</span>
            </strong>
          ) : (
            <>
              <Link className="govuk-link" to={`/experiments/${node.experiment.slug}`}>
                {node.experiment.title}
              </Link>{' '}
              ({node.experiment.leadOrganisation.name})
            </>
          )}{' '}
          <VerdictTag verdict={node.latestVerdict ?? null} />
          {node.children && node.children.length > 0 && <LineageTree nodes={node.children} currentId={currentId} />}
        </li>
      ))}
    </ul>
  );
}
