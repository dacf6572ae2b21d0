import { ExperimentStatus } from '@synapse/domain';
import { currentTime } from '../../clock.js';
import type { EntityManager } from '../../db/orm.js';
import { BadInputError } from '../../errors.js';
import type { Member } from '../member/member.entity.js';
import type { Experiment } from './experiment.entity.js';
import type { WithdrawExperimentInput } from './experiment-lifecycle.inputs.js';
import { loadForChange } from './experiment.service.js';

/**
 * Withdraws a published experiment. It is not hidden (links, citations and adaptations keep working) but readers
 * see that it was withdrawn, when and why, and it no longer counts in its family's evidence.
 */
export async function withdrawExperiment(em: EntityManager, viewer: Member | null, input: WithdrawExperimentInput): Promise<Experiment> {
  return em.transactional(async (tem) => {
    const experiment = await loadForChange(tem, viewer, input.id, 'publish', input.version);
    if (experiment.status !== ExperimentStatus.PUBLISHED) throw BadInputError.field('input.id', 'only a published experiment can be withdrawn');
    if (experiment.withdrawnAt) throw BadInputError.field('input.id', 'this experiment is already withdrawn');
    experiment.withdrawnAt = currentTime();
    experiment.withdrawalReason = input.reason.trim();
    return experiment;
  });
}

/** Deletes a draft that was never published, with everything it holds. Published work is withdrawn instead. */
export async function deleteDraft(em: EntityManager, viewer: Member | null, id: string, version: number): Promise<string> {
  return em.transactional(async (tem) => {
    const experiment = await loadForChange(tem, viewer, id, 'publish', version);
    if (experiment.status !== ExperimentStatus.DRAFT || experiment.publishedAt) {
      throw BadInputError.field('id', 'only a draft that was never published can be deleted: withdraw a published experiment instead');
    }
    await experiment.artefacts.init();
    await experiment.outcomes.init();
    await experiment.stageHistory.init();
    await experiment.partners.init();
    await experiment.teamMembers.init();
    tem.remove(experiment);
    return experiment.id;
  });
}
