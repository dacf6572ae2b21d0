import { type EnqueuedTaskPromise, Meilisearch, type SearchParams, type SearchResponse } from 'meilisearch';
import { type ExperimentDocument, experimentIndexSettings, nodeHttpClient } from '@synapse/search';

export interface SearchEngineConfig {
  url: string;
  apiKey: string | null;
  /** Index uid; tests use their own so that they never share documents. */
  index: string;
  /** Per-request timeout: past it a search falls back to the database. */
  timeoutMs?: number;
}

async function settle(task: EnqueuedTaskPromise, timeout = 60_000): Promise<void> {
  const done = await task.waitTask({ timeout, interval: 20 });
  if (done.status !== 'succeeded') {
    throw new Error(`Meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? 'no reason given'}`);
  }
}

/** The experiments index in Meilisearch: settings, writes that wait for their tasks, search and rebuild. */
export class SearchIndex {
  readonly client: Meilisearch;
  readonly uid: string;
  private ready: Promise<void> | null = null;

  constructor(config: SearchEngineConfig) {
    this.client = new Meilisearch({
      host: config.url,
      apiKey: config.apiKey ?? undefined,
      timeout: config.timeoutMs ?? 3000,
      httpClient: nodeHttpClient(),
    });
    this.uid = config.index;
  }

  private index(uid = this.uid) {
    return this.client.index<ExperimentDocument>(uid);
  }

  private async exists(uid: string): Promise<boolean> {
    try {
      await this.client.getIndex(uid);
      return true;
    } catch (error) {
      // The client wraps our HTTP client's error; its code says why.
      if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found') return false;
      throw error;
    }
  }

  private async create(uid: string): Promise<void> {
    if (!(await this.exists(uid))) {
      // Another process may create it at the same moment: that is as good.
      await settle(this.client.createIndex(uid, { primaryKey: 'id' })).catch((error: Error) => {
        if (!/already exists/.test(error.message)) throw error;
      });
    }
    await settle(this.index(uid).updateSettings(experimentIndexSettings()));
  }

  /** Creates the index if needed and applies the settings from code (once per process, retried after a failure). */
  ensureReady(): Promise<void> {
    this.ready ??= this.create(this.uid).catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  async upsert(documents: ExperimentDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.ensureReady();
    await settle(this.index().addDocuments(documents, { primaryKey: 'id' }));
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.ensureReady();
    await settle(this.index().deleteDocuments(ids));
  }

  /** Every document in the index, a page at a time (`fields` to read only some of each). */
  async *documents(pageSize = 1000, fields?: (keyof ExperimentDocument & string)[]): AsyncGenerator<ExperimentDocument[]> {
    await this.ensureReady();
    for (let offset = 0; ; offset += pageSize) {
      const page = await this.index().getDocuments({ offset, limit: pageSize, ...(fields ? { fields } : {}) });
      if (page.results.length) yield page.results as ExperimentDocument[];
      if (page.results.length < pageSize) return;
    }
  }

  /** Every document's id and content version (reconciliation compares them with the database's), a page at a time. */
  async *versions(pageSize = 5000): AsyncGenerator<Pick<ExperimentDocument, 'id' | 'version'>[]> {
    yield* this.documents(pageSize, ['id', 'version']);
  }

  async count(): Promise<number> {
    return (await this.index().getStats()).numberOfDocuments;
  }

  /** Some documents by id with only the named fields (the text of the page shown, after re-ranking a window). */
  async documentsById(ids: string[], fields: (keyof ExperimentDocument & string)[]): Promise<ExperimentDocument[]> {
    if (ids.length === 0) return [];
    // An empty filter makes the client POST to /documents/fetch, where `ids` is read as a list.
    return (await this.index().getDocuments({ ids, fields, limit: ids.length, filter: [] })).results;
  }

  search(query: string, params: SearchParams): Promise<SearchResponse<ExperimentDocument>> {
    return this.index().search(query, params);
  }

  /**
   * Builds a complete new index beside the live one and swaps them, so searches never see a partial index;
   * the old documents are then deleted with the temporary index. Each batch is sent as soon as it is built,
   * without waiting for Meilisearch to index the one before (it queues them in order and indexes queued additions
   * together), and the next batch is read from the database while one is being sent; every task must succeed
   * before the swap.
   */
  async rebuild(batches: AsyncIterable<ExperimentDocument[]>, onProgress: (indexed: number) => void = () => undefined): Promise<number> {
    const fresh = `${this.uid}_rebuild_${Date.now()}`;
    await this.create(fresh);
    let indexed = 0;
    const tasks: { task: EnqueuedTaskPromise; documents: number }[] = [];
    const source = batches[Symbol.asyncIterator]();
    try {
      let next = source.next();
      for (let batch = await next; !batch.done; batch = await next) {
        next = source.next();
        next.catch(() => undefined); // awaited on the next turn; a failure there is handled then
        tasks.push({ task: this.index(fresh).addDocuments(batch.value, { primaryKey: 'id' }), documents: batch.value.length });
        await tasks.at(-1)!.task; // enqueued (a small answer): the payload is Meilisearch's now
      }
      for (const { task, documents } of tasks) {
        await settle(task, 600_000);
        indexed += documents;
        onProgress(indexed);
      }
      await this.create(this.uid);
      await settle(this.client.swapIndexes([{ indexes: [this.uid, fresh], rename: false }]));
    } finally {
      await source.return?.();
      await settle(this.client.deleteIndex(fresh)).catch(() => undefined);
    }
    return indexed;
  }
}
