import { randomUUID } from 'node:crypto';
import { ExperimentStatus } from '@synapse/domain';
import type { MikroORM } from '@mikro-orm/core';
import { type EntityManager, entityManager } from '../../db/orm.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { buildDocuments } from './experiment-document.js';
import { OutboxTarget, SearchOutboxEntry } from './search-outbox.entity.js';
import { outboxSignals } from './search-outbox.subscriber.js';
import type { SearchIndex } from './search-index.js';

export interface OutboxWorkerOptions {
  /** How often to look for entries written by other processes and for retries that are due. */
  pollMs?: number;
  /** Longest wait between retries of a failing delivery. */
  maxBackoffMs?: number;
  batchSize?: number;
  leaseMs?: number;
  log?: (message: string) => void;
}

export interface DeliveryReport {
  delivered: number;
  failed: number;
}

/** Experiments whose documents show this organisation: as lead, place or partner. */
async function experimentsOfOrganisations(em: EntityManager, organisationIds: string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const experiments = await em.find(
    Experiment,
    {
      status: ExperimentStatus.PUBLISHED,
      $or: [
        { leadOrganisation: { $in: organisationIds } },
        { places: { $in: organisationIds } },
        { partners: { organisation: { $in: organisationIds } } },
      ],
    },
    { fields: ['id'] },
  );
  return experiments.map((experiment) => experiment.id);
}

/**
 * Delivers search outbox entries to Meilisearch: idempotent (documents are rebuilt from the database and
 * upserted or deleted by id), leased so several API processes can run it, retried with backoff on failure.
 */
export class OutboxWorker {
  private readonly id = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly onSignal = () => this.kick();
  private readonly options: Required<OutboxWorkerOptions>;

  constructor(
    private readonly orm: MikroORM,
    private readonly index: SearchIndex,
    options: OutboxWorkerOptions = {},
  ) {
    this.options = { pollMs: 250, maxBackoffMs: 60_000, batchSize: 200, leaseMs: 60_000, log: () => undefined, ...options };
  }

  /** Claims due entries, delivers them, and deletes or reschedules them. */
  async deliverDue(): Promise<DeliveryReport> {
    const em = entityManager(this.orm).fork();
    const now = new Date();
    const due = await em.find(
      SearchOutboxEntry,
      { availableAt: { $lte: now }, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
      { orderBy: { createdAt: 'asc' }, limit: this.options.batchSize, fields: ['id'] },
    );
    if (due.length === 0) return { delivered: 0, failed: 0 };
    // The lease is taken by a conditional update, so two workers never deliver the same entry at once.
    await em.nativeUpdate(
      SearchOutboxEntry,
      { id: { $in: due.map((entry) => entry.id) }, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
      { claimedBy: this.id, claimedUntil: new Date(now.getTime() + this.options.leaseMs) },
    );
    const claimed = await em.find(SearchOutboxEntry, { claimedBy: this.id, id: { $in: due.map((entry) => entry.id) } });
    if (claimed.length === 0) return { delivered: 0, failed: 0 };

    try {
      const experimentIds = new Set(claimed.filter((e) => e.target === OutboxTarget.EXPERIMENT).map((e) => e.targetId));
      const organisationIds = claimed.filter((e) => e.target === OutboxTarget.ORGANISATION).map((e) => e.targetId);
      for (const id of await experimentsOfOrganisations(em, organisationIds)) experimentIds.add(id);
      const documents = await buildDocuments(em, [...experimentIds]);
      const indexed = new Set(documents.map((document) => document.id));
      await this.index.upsert(documents);
      await this.index.remove([...experimentIds].filter((id) => !indexed.has(id)));
      await em.nativeDelete(SearchOutboxEntry, { id: { $in: claimed.map((entry) => entry.id) }, claimedBy: this.id });
      return { delivered: claimed.length, failed: 0 };
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      for (const entry of claimed) {
        const delay = Math.min(this.options.maxBackoffMs, 500 * 2 ** Math.min(entry.attempts, 16));
        await em.nativeUpdate(
          SearchOutboxEntry,
          { id: entry.id, claimedBy: this.id },
          { attempts: entry.attempts + 1, lastError: message.slice(0, 2000), availableAt: new Date(Date.now() + delay), claimedBy: null, claimedUntil: null },
        );
      }
      this.options.log(`Search sync: ${claimed.length} change(s) not delivered yet (${message}); will retry.`);
      return { delivered: 0, failed: claimed.length };
    }
  }

  /** Delivers until nothing is due (tests and the reindex command use it). */
  async drain(): Promise<DeliveryReport> {
    const total = { delivered: 0, failed: 0 };
    for (;;) {
      const report = await this.deliverDue();
      total.delivered += report.delivered;
      total.failed += report.failed;
      if (report.delivered === 0 || report.failed > 0) return total;
    }
  }

  /** Runs a delivery now (or right after the one in progress). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          const report = await this.deliverDue();
          if (report.delivered > 0) this.again = true;
        } catch (error) {
          this.options.log(`Search sync failed: ${(error as Error).message}`);
        }
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.running = null;
    });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    outboxSignals.on('written', this.onSignal);
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    outboxSignals.off('written', this.onSignal);
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
