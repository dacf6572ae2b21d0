import type { EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { Job } from './job.entity.js';
import { jobSignals } from './job-queue.js';

/**
 * Tells this process's worker that jobs were written, once they can be seen (after the flush, or after the
 * commit of the transaction around it). Only a hint: workers poll anyway, this saves the wait.
 */
export class JobSubscriber implements EventSubscriber {
  private written = false;

  onFlush({ uow }: FlushEventArgs): void {
    if (uow.getChangeSets().some((changeSet) => changeSet.entity instanceof Job)) this.written = true;
  }

  afterFlush({ em }: FlushEventArgs): void {
    if (!em.isInTransaction()) this.signal();
  }

  afterTransactionCommit(): void {
    this.signal();
  }

  private signal(): void {
    if (!this.written) return;
    this.written = false;
    jobSignals.emit('written');
  }
}
