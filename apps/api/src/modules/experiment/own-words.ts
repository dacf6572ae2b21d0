import type { FieldProblem } from '../../errors.js';
import type { EntityManager } from '../../db/orm.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Experiment } from './experiment.entity.js';

/** Text compared for sameness: case, spacing and punctuation at the ends do not make it the adapter's own. */
function normalised(text: string | null | undefined): string {
  return (text ?? '').toLowerCase().replace(/\s+/g, ' ').trim().replace(/[.!]+$/, '');
}

/** The write-up an adaptation must put in its own words before it is published. */
export const ADAPTATION_OWN_WORDS = ['summary', 'problem', 'approach'] as const;

/**
 * The fields of an adaptation that are still the original's words. Publishing such a copy would put another
 * council's write-up under this council's name, so publishing refuses it, naming each field.
 */
export async function unchangedFromOriginal(em: EntityManager, experiment: Experiment): Promise<FieldProblem[]> {
  if (!experiment.forkParent) return [];
  // Through the caller's (transaction's) EntityManager: SQLite has one connection, and the transaction holds it.
  const original = await em.findOneOrFail(Experiment, { id: experiment.forkParent.id });
  const organisation = await em.findOneOrFail(Organisation, { id: experiment.leadOrganisation.id });
  return ADAPTATION_OWN_WORDS.filter((key) => experiment[key].trim() && normalised(experiment[key]) === normalised(original[key])).map((key) => ({
    field: `experiment.${key}`,
    reason: `is the same as the original’s: write it for ${organisation.name}`,
  }));
}
