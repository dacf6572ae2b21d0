import { ChangeSetType, type EventSubscriber, type FlushEventArgs, Reference, type TransactionEventArgs } from '@mikro-orm/core';
import { isPostgres } from '../../db/is-postgres.js';
import type { EntityManager } from '../../db/orm.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { ExperimentPartner } from '../experiment/experiment-partner.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Outcome } from '../outcome/outcome.entity.js';
import { refreshOrganisationSearchText, refreshSearchText } from './search-text.js';

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
  /** Per EntityManager (one per transaction): experiments, and organisations whose names are in others' text. */
  private readonly pending = new WeakMap<object, { experiments: Set<string>; organisations: Set<string> }>();

  onFlush({ em, uow }: FlushEventArgs): void {
    const pending = this.pending.get(em) ?? { experiments: new Set<string>(), organisations: new Set<string>() };
    for (const changeSet of uow.getChangeSets()) {
      const id = experimentIdOf(changeSet.entity);
      if (id) pending.experiments.add(id);
      if (changeSet.entity instanceof Organisation && changeSet.type === ChangeSetType.UPDATE) pending.organisations.add(changeSet.entity.id);
    }
    for (const collection of uow.getCollectionUpdates()) {
      if (collection.owner instanceof Experiment) pending.experiments.add(collection.owner.id);
    }
    if (pending.experiments.size || pending.organisations.size) this.pending.set(em, pending);
  }

  async beforeTransactionCommit({ em, transaction }: TransactionEventArgs): Promise<void> {
    const pending = this.pending.get(em);
    if (!pending) return;
    this.pending.delete(em);
    const sqlEm = em as EntityManager;
    const dialect = isPostgres(sqlEm) ? 'postgresql' : 'sqlite';
    const connection = sqlEm.getConnection('write');
    await refreshSearchText(connection, dialect, [...pending.experiments], transaction);
    await refreshOrganisationSearchText(connection, dialect, [...pending.organisations], transaction);
  }

  afterTransactionRollback({ em }: TransactionEventArgs): void {
    this.pending.delete(em);
  }
}
