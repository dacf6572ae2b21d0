import type { EntityManager } from '../../db/orm.js';
import { loadSynonyms } from '@synapse/search';
import type { Meilisearch, Settings } from 'meilisearch';
import { enqueueJob } from '../job/job-queue.js';
import type { JobHandler } from '../job/job.types.js';
import type { SearchIndex } from '../search/search-index.js';
import { Discussion, TopicKind } from './discussion.entity.js';
import { findPublicDiscussion, publicPosts } from './discussion-open-data.js';
import { plainText } from './markdown.js';

// Discussions have their own Meilisearch index beside the experiments' one ("<experiments uid>_discussions"),
// kept in step through the job queue: every mutation that changes what a discussion shows enqueues a sync
// job in its own transaction, and the job writes the document, or deletes it when the discussion is no
// longer public (hidden, deleted, or on an experiment that was withdrawn).

export const DISCUSSION_SEARCH_SYNC = 'discussion-search-sync';
export const DISCUSSION_SEARCH_RECONCILE = 'discussion-search-reconcile';

export interface DiscussionDocument {
  id: string;
  title: string;
  question: string;
  replies: string;
  experimentId: string | null;
  experimentTitle: string | null;
  serviceAreas: string[];
  themes: string[];
  answered: boolean;
  network: boolean;
  lastActivityAt: number;
}

export function discussionIndexSettings(): Settings {
  return {
    searchableAttributes: ['title', 'question', 'experimentTitle', 'themes', 'replies'],
    filterableAttributes: ['serviceAreas', 'themes', 'answered', 'network', 'experimentId'],
    sortableAttributes: ['lastActivityAt'],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'exactness', 'lastActivityAt:desc'],
    synonyms: loadSynonyms(),
  };
}

// Tasks can queue behind others on a busy engine: wait as long as the experiments index does.
const WAIT = { timeout: 60_000, interval: 25 };

// Settings are applied once per process per index (jobs create a DiscussionIndex each).
const readiness = new Map<string, Promise<void>>();

/** The discussions index that goes with an experiments index. */
export class DiscussionIndex {
  readonly uid: string;
  readonly client: Meilisearch;

  constructor(experiments: SearchIndex) {
    this.client = experiments.client;
    this.uid = `${experiments.uid}_discussions`;
  }

  private get index() {
    return this.client.index<DiscussionDocument>(this.uid);
  }

  /** Applies the settings (which creates the index if need be), once per process and index; retried after a failure. */
  ensureReady(): Promise<void> {
    let ready = readiness.get(this.uid);
    if (!ready) {
      ready = (async () => {
        const task = await this.index.updateSettings(discussionIndexSettings()).waitTask(WAIT);
        if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? ''}`);
      })().catch((error: unknown) => {
        readiness.delete(this.uid);
        throw error;
      });
      readiness.set(this.uid, ready);
    }
    return ready;
  }

  async upsert(documents: DiscussionDocument[]): Promise<void> {
    await this.ensureReady();
    const task = await this.index.addDocuments(documents, { primaryKey: 'id' }).waitTask(WAIT);
    if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.uid} ${task.status}`);
  }

  async remove(ids: string[]): Promise<void> {
    await this.ensureReady();
    await this.index.deleteDocuments(ids).waitTask(WAIT);
  }

  async count(): Promise<number> {
    await this.ensureReady();
    return (await this.index.getStats()).numberOfDocuments;
  }

  search(query: string, filter: string[], limit: number, offset: number) {
    return this.index.search(query, { filter, limit, offset, attributesToRetrieve: ['id'] });
  }
}

const REPLIES_MAX = 20_000;

/** The search document of a public discussion: its question and visible replies as plain text. */
export async function discussionDocument(em: EntityManager, discussion: Discussion): Promise<DiscussionDocument> {
  const posts = (await publicPosts(em, [discussion.id])).filter((post) => !post.deletedAt);
  const opening = posts.find((post) => post.opening);
  const experiment = discussion.experiment?.getEntity() ?? null;
  const topics = await discussion.topics.loadItems();
  return {
    id: discussion.id,
    title: discussion.title,
    question: opening ? plainText(opening.body, 5_000) : '',
    replies: posts.filter((post) => !post.opening).map((post) => plainText(post.body, 2_000)).join('\n').slice(0, REPLIES_MAX),
    experimentId: experiment?.id ?? null,
    experimentTitle: experiment?.title ?? null,
    serviceAreas: topics.filter((t) => t.kind === TopicKind.SERVICE_AREA).map((t) => t.key),
    themes: topics.filter((t) => t.kind === TopicKind.THEME).map((t) => t.key),
    answered: discussion.answerPostId !== null,
    network: experiment === null,
    lastActivityAt: discussion.lastActivityAt.getTime(),
  };
}

/** Asks for a discussion's search document to be rewritten, in the caller's transaction. */
export function enqueueDiscussionSync(em: EntityManager, discussionId: string): Promise<void> {
  return enqueueJob(em, DISCUSSION_SEARCH_SYNC, { discussionId }, { key: discussionId });
}

export const discussionSearchSyncHandler: JobHandler = {
  type: DISCUSSION_SEARCH_SYNC,
  async run(payload, { em, searchIndex }) {
    if (!searchIndex) return; // no engine: search answers from the database
    const index = new DiscussionIndex(searchIndex);
    const id = String(payload.discussionId);
    const discussion = await findPublicDiscussion(em, id);
    if (discussion) await index.upsert([await discussionDocument(em, discussion)]);
    else await index.remove([id]);
  },
};

/** Rebuilds the discussions index when it does not hold one document per public discussion (new or lost search data). */
export const discussionSearchReconcileHandler: JobHandler = {
  type: DISCUSSION_SEARCH_RECONCILE,
  async run(_payload, { em, searchIndex, log }) {
    if (!searchIndex) return;
    const index = new DiscussionIndex(searchIndex);
    const ids = (await em.find(Discussion, { hiddenAt: null }, { fields: ['id'] })).map((d) => d.id);
    if ((await index.count()) === ids.length) return;
    log(`Discussion search index out of step: re-indexing ${ids.length} discussions.`);
    for (let start = 0; start < ids.length; start += 100) {
      em.clear();
      const documents = [];
      for (const id of ids.slice(start, start + 100)) {
        const discussion = await findPublicDiscussion(em, id);
        if (discussion) documents.push(await discussionDocument(em, discussion));
      }
      if (documents.length) await index.upsert(documents);
    }
  },
};
