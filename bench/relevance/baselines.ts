import Database from 'better-sqlite3';
import pg from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from '@synapse/api/internal/db/embedded-postgres';
import type { CorpusEntry } from './corpus.js';

/** The searchable text of a write-up, by field, as both baselines index it. */
function fields(entry: CorpusEntry) {
  const r = entry.record as Record<string, any>;
  return {
    title: r.title as string,
    summary: r.summary as string,
    body: [r.problem, r.approach, r.whoItServes].join('\n'),
    themes: (r.themes as string[]).join(', '),
    outcomes: (r.outcomes as any[]).flatMap((o) => [o.title, o.whatWorked ?? '', o.whatDidNotWork ?? '', ...o.measures.map((m: any) => m.name)]).join('\n'),
  };
}

export interface Baseline {
  name: string;
  /** Ids ranked best first (up to 200). */
  search(query: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * SQLite FTS5 ranked by bm25, Porter-stemmed, the query's words ORed (with AND, questions would find nothing):
 * what a team would build with SQLite in an afternoon.
 */
export function fts5Baseline(corpus: CorpusEntry[]): Baseline {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, summary, themes, body, outcomes, tokenize = 'porter unicode61')");
  const insert = db.prepare('INSERT INTO docs (id, title, summary, themes, body, outcomes) VALUES (?, ?, ?, ?, ?, ?)');
  for (const entry of corpus) {
    const f = fields(entry);
    insert.run(entry.externalId, f.title, f.summary, f.themes, f.body, f.outcomes);
  }
  const select = db.prepare('SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 4, 2, 2, 1, 1) LIMIT 200');
  return {
    name: 'SQLite FTS5 bm25',
    async search(query) {
      const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      if (!words.length) return [];
      return (select.all(words.map((w) => `"${w}"`).join(' OR ')) as { id: string }[]).map((row) => row.id);
    },
    async close() {
      db.close();
    },
  };
}

/** PostgreSQL full text: an English tsvector weighted title A, summary and themes B, the rest C; websearch_to_tsquery; ts_rank_cd. */
export async function postgresBaseline(corpus: CorpusEntry[]): Promise<Baseline> {
  const server: RunningPostgres = await startEmbeddedPostgres();
  const client = new pg.Client({ connectionString: await server.createDatabase('relevance') });
  await client.connect();
  await client.query('CREATE TABLE docs (id text PRIMARY KEY, document tsvector)');
  for (const entry of corpus) {
    const f = fields(entry);
    await client.query(
      `INSERT INTO docs VALUES ($1, setweight(to_tsvector('english', $2), 'A') || setweight(to_tsvector('english', $3 || ' ' || $4), 'B') || setweight(to_tsvector('english', $5 || ' ' || $6), 'C'))`,
      [entry.externalId, f.title, f.summary, f.themes, f.body, f.outcomes],
    );
  }
  return {
    name: 'PostgreSQL full text',
    async search(query) {
      const { rows } = await client.query<{ id: string }>(
        `SELECT id FROM docs, websearch_to_tsquery('english', $1) q WHERE document @@ q ORDER BY ts_rank_cd(document, q) DESC, id LIMIT 200`,
        [query],
      );
      return rows.map((row) => row.id);
    },
    async close() {
      await client.end();
      await server.stop();
    },
  };
}
