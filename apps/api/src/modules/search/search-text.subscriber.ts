import { type EventSubscriber, type FlushEventArgs, Reference, type TransactionEventArgs } from '@mikro-orm/core';
import { type EntityManager, isPostgres } from '../../db/orm.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { ExperimentPartner } from '../experiment/experiment-partner.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Outcome } from '../outcome/outcome.entity.js';
import { refreshSearchText } from './search-text.js';

function experimentIdOf(entity: object): string | null {
  if (entity instanceof Experiment) return entity.id;
  if (entity instanceof Outcome || entity instanceof Artefact || entity instanceof ExperimentPartner) {
    const parent = entity.experiment as unknown;
    if (!parent) return null;
    const unwrapped = Reference.isReference(parent) ? (parent as Reference<Experiment>).unwrap() : (parent as Experiment);
    return unwrapped.id ?? null;
  }
  return null;
}

/**
 * Keeps `experiment_search_text` (the degraded search's full-text data) in step with the database: the flush
 * notes which experiments' text may have changed, and the rows are rewritten just before the transaction
 * commits, in that transaction — so the text never disagrees with what was committed.
 */
export class SearchTextSubscriber implements EventSubscriber {
  private readonly pending = new WeakMap<object, Set<string>>();

  onFlush({ em, uow }: FlushEventArgs): void {
    const ids = this.pending.get(em) ?? new Set<string>();
    for (const changeSet of uow.getChangeSets()) {
      const id = experimentIdOf(changeSet.entity);
      if (id) ids.add(id);
    }
    for (const collection of uow.getCollectionUpdates()) {
      if (collection.owner instanceof Experiment) ids.add(collection.owner.id);
    }
    if (ids.size) this.pending.set(em, ids);
  }

  async beforeTransactionCommit({ em, transaction }: TransactionEventArgs): Promise<void> {
    const ids = this.pending.get(em);
    if (!ids?.size) return;
    this.pending.delete(em);
    const sqlEm = em as EntityManager;
    await refreshSearchText(sqlEm.getConnection('write'), isPostgres(sqlEm) ? 'postgresql' : 'sqlite', [...ids], transaction);
  }

  afterTransactionRollback({ em }: TransactionEventArgs): void {
    this.pending.delete(em);
  }
}
