import { currentTime } from '../../clock.js';
import type { EntityManager } from '../../db/orm.js';
import { Experiment } from '../experiment/experiment.entity.js';

/**
 * Experiment fields whose change restarts the review cycle. Contacts, licence, team, status and the review date
 * itself are left out: they do not change what the record says happened.
 */
export const SUBSTANTIVE_FIELDS = [
  'title', 'summary', 'problem', 'whoItServes', 'whatIsNew', 'approach', 'themes', 'stage', 'startDate', 'endDate',
  'budgetBand', 'actualCost', 'fundingSource', 'serviceAreas', 'placeGssCodes', 'partners', 'adaptationNotes',
] as const;

/** Whether an update input touches a substantive field. */
export function isSubstantive(input: object): boolean {
  return SUBSTANTIVE_FIELDS.some((field) => (input as Record<string, unknown>)[field] !== undefined);
}

/**
 * Records a substantive change (an experiment field above, or an outcome or artefact added, changed or removed),
 * in the caller's transaction. Given only an id (a child changed), a native update, so the experiment's version
 * does not move: a client editing the experiment meanwhile gets no spurious CONFLICT.
 */
export async function markSubstantiveChange(em: EntityManager, experiment: Experiment | string): Promise<void> {
  if (typeof experiment === 'string') {
    await em.nativeUpdate(Experiment, { id: experiment }, { contentChangedAt: currentTime() });
  } else {
    experiment.contentChangedAt = currentTime();
  }
}
