import { ChangeSetType, type EventSubscriber, type FlushEventArgs, Reference } from '@mikro-orm/core';
import { Artefact } from '../artefact/artefact.entity.js';
import { ExperimentPartner } from '../experiment/experiment-partner.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { StageChange } from '../experiment/stage-change.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Outcome } from '../outcome/outcome.entity.js';
import { MeasureRegistration } from '../freshness/measure-registration.entity.js';
import { newJob } from '../job/job-queue.js';
import { SYNC_EXPERIMENT, SYNC_ORGANISATION } from './search-sync.js';

enum OutboxTarget {
  EXPERIMENT = 'EXPERIMENT',
  ORGANISATION = 'ORGANISATION',
}

function idOf(value: unknown): string | null {
  if (!value) return null;
  const entity = Reference.isReference(value) ? (value as Reference<{ id: string }>).unwrap() : value;
  return (entity as { id?: string }).id ?? null;
}

/** Which search documents an entity's change touches. */
function targetsOf(entity: object, type: ChangeSetType): [OutboxTarget, string][] {
  if (entity instanceof Experiment) return [[OutboxTarget.EXPERIMENT, entity.id]];
  if (entity instanceof Outcome || entity instanceof Artefact || entity instanceof ExperimentPartner || entity instanceof StageChange || entity instanceof MeasureRegistration) {
    const id = idOf(entity.experiment);
    return id ? [[OutboxTarget.EXPERIMENT, id]] : [];
  }
  // A new organisation is in no document yet; a changed one may be in many (resolved at delivery).
  if (entity instanceof Organisation && type !== ChangeSetType.CREATE) return [[OutboxTarget.ORGANISATION, entity.id]];
  return [];
}

/**
 * Enqueues a search sync job (keyed by experiment or organisation), inside the same flush and so the same
 * transaction, for every change that can affect a search document. Drafts are included: the job decides
 * whether to index or remove.
 */
export class SearchOutboxSubscriber implements EventSubscriber {
  onFlush({ em, uow }: FlushEventArgs): void {
    const targets = new Map<string, [OutboxTarget, string]>();
    for (const changeSet of uow.getChangeSets()) {
      for (const [target, id] of targetsOf(changeSet.entity, changeSet.type)) targets.set(`${target}:${id}`, [target, id]);
    }
    for (const collection of uow.getCollectionUpdates()) {
      const owner = collection.owner;
      if (owner instanceof Experiment) targets.set(`${OutboxTarget.EXPERIMENT}:${owner.id}`, [OutboxTarget.EXPERIMENT, owner.id]);
    }
    for (const [target, targetId] of targets.values()) {
      const job =
        target === OutboxTarget.EXPERIMENT
          ? newJob(SYNC_EXPERIMENT, { experimentId: targetId }, { key: targetId })
          : newJob(SYNC_ORGANISATION, { organisationId: targetId }, { key: targetId });
      em.persist(job);
      uow.computeChangeSet(job);
    }
  }
}
