import { randomBytes } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { type EntityManager, isPostgres } from '../../db/orm.js';
import { Job, JobState } from './job.entity.js';
import type { JobHandler } from './job.types.js';

/**
 * How long a claim lasts unless renewed. A running job's lease is renewed every quarter of it (the heartbeat), so
 * a live worker keeps its jobs however long they take, and a dead worker's jobs are due again within this time.
 */
export const DEFAULT_LEASE_MS = 6_000;

/** Jobs claimed together: one job, or for a handler with `runBatch` up to its `batchSize` jobs of its type. */
export interface Claim {
  /** The first job; `jobs` holds it and, for a handler that takes batches, more of its type. */
  job: Job;
  jobs: Job[];
  /** Only the holder of this token may renew, complete or reschedule these jobs. */
  token: string;
  handler: JobHandler;
  leaseMs: number;
}

export interface ClaimRequest {
  handlers: Map<string, JobHandler>;
  /** How many more claims of each type this worker may run now (per-type concurrency); absent types: none. */
  slots: Map<string, number>;
  /** The most claims to hand back. */
  limit: number;
  now: Date;
  workerId: string;
}

const ORDER = { orderBy: { runAt: 'asc', id: 'asc' } } as const;

function dueWhere(types: string[], now: Date) {
  return { state: JobState.PENDING, type: { $in: types }, runAt: { $lte: now }, $or: [{ lockedUntil: null }, { lockedUntil: { $lt: now } }] };
}

export function leaseOf(handler: JobHandler | undefined): number {
  return handler?.leaseMs ?? DEFAULT_LEASE_MS;
}

const batchSize = (handler: JobHandler) => (handler.runBatch ? (handler.batchSize ?? 50) : 1);

/**
 * Groups due candidates (oldest first) into at most `limit` claims, each type within its free slots: a job of a
 * batching type joins the claim already open for its type.
 */
/** Jobs claimed together are never an empty list. */
type JobGroup = [Job, ...Job[]];

const isNonEmpty = (jobs: Job[]): jobs is JobGroup => jobs.length > 0;

function group(candidates: Job[], request: ClaimRequest): JobGroup[] {
  const slots = new Map(request.slots);
  const groups: JobGroup[] = [];
  const open = new Map<string, Job[]>();
  for (const job of candidates) {
    const handler = request.handlers.get(job.type)!;
    const batch = open.get(job.type);
    if (batch) {
      if (batch.length < batchSize(handler)) batch.push(job);
      continue;
    }
    const free = slots.get(job.type) ?? 0;
    if (groups.length >= request.limit || free <= 0) continue;
    slots.set(job.type, free - 1);
    const opened: JobGroup = [job];
    groups.push(opened);
    if (handler.runBatch) open.set(job.type, opened);
  }
  return groups;
}

/** The columns a claim sets: this claim's token, a lease from now, and one more attempt. */
function taken(job: Job, token: string, leaseMs: number, now: Date) {
  return { lockedBy: token, lockedUntil: new Date(now.getTime() + leaseMs), attempts: job.attempts + 1 };
}

function toClaim(jobs: JobGroup, request: ClaimRequest): Claim {
  const [job] = jobs;
  const handler = request.handlers.get(job.type)!;
  return { job, jobs, token: String(job.lockedBy), handler, leaseMs: leaseOf(handler) };
}

const newToken = (workerId: string) => `${workerId}-${randomBytes(4).toString('hex')}`;

/** PostgreSQL: the due rows are locked with `FOR UPDATE SKIP LOCKED`, so concurrent claims never see the same row. */
async function claimOnPostgres(em: EntityManager, request: ClaimRequest, types: string[]): Promise<JobGroup[]> {
  return em.transactional(async (tx) => {
    const options = { ...ORDER, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE } as const;
    const groups = group(await tx.find(Job, dueWhere(types, request.now), { ...options, limit: request.limit }), request);
    for (const jobs of groups) {
      const room = batchSize(request.handlers.get(jobs[0].type)!) - jobs.length;
      if (room > 0) jobs.push(...(await tx.find(Job, { ...dueWhere([jobs[0].type], request.now), id: { $nin: jobs.map((job) => job.id) } }, { ...options, limit: room })));
      const token = newToken(request.workerId);
      const leaseMs = leaseOf(request.handlers.get(jobs[0].type));
      for (const job of jobs) Object.assign(job, taken(job, token, leaseMs, request.now));
    }
    return groups; // written by the flush at commit; rows locked but not taken are released there too
  });
}

/**
 * SQLite (one process, writes serialised): each job is taken by a conditional update that only one claim can win;
 * a candidate another claim won is skipped for the next one.
 */
async function claimOnSqlite(em: EntityManager, request: ClaimRequest, types: string[]): Promise<JobGroup[]> {
  const candidates = await em.find(Job, dueWhere(types, request.now), { ...ORDER, limit: request.limit + 20 });
  const slots = new Map(request.slots);
  const groups: JobGroup[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const handler = request.handlers.get(candidate.type)!;
    if (groups.length >= request.limit || seen.has(candidate.id) || (slots.get(candidate.type) ?? 0) <= 0) continue;
    const proposed = [candidate];
    if (handler.runBatch) proposed.push(...(await em.find(Job, { ...dueWhere([candidate.type], request.now), id: { $ne: candidate.id } }, { ...ORDER, limit: batchSize(handler) - 1 })));
    const token = newToken(request.workerId);
    const won: Job[] = [];
    for (const job of proposed) {
      seen.add(job.id);
      const changes = taken(job, token, leaseOf(handler), request.now);
      const where = { id: job.id, attempts: job.attempts, $or: dueWhere(types, request.now).$or };
      if ((await em.nativeUpdate(Job, where, changes)) === 1) won.push(Object.assign(job, changes));
    }
    if (!isNonEmpty(won)) continue;
    groups.push(won);
    slots.set(candidate.type, (slots.get(candidate.type) ?? 0) - 1);
  }
  return groups;
}

/**
 * Claims up to `request.limit` due jobs in one go (one transaction on PostgreSQL), each claim leased from now with
 * its own token. Claiming a keyed job deletes its unclaimed duplicates that are due or waiting to retry after a
 * failure: the run reads the data after the claim, so it covers them (a keyed job deliberately scheduled for later
 * and never tried is kept).
 */
export async function claimJobs(em: EntityManager, request: ClaimRequest): Promise<Claim[]> {
  const types = [...request.slots].filter(([, free]) => free > 0).map(([type]) => type);
  if (!types.length || request.limit <= 0) return [];
  const groups = isPostgres(em) ? await claimOnPostgres(em, request, types) : await claimOnSqlite(em, request, types);
  const keysByType = new Map<string, string[]>();
  for (const job of groups.flat()) if (job.key !== null) keysByType.set(job.type, [...(keysByType.get(job.type) ?? []), job.key]);
  const claimed = groups.flat().map((job) => job.id);
  for (const [type, keys] of keysByType) {
    // Due ones, and failed ones waiting for their backoff: their change was made before this claim too.
    const covered = { $or: [{ runAt: { $lte: request.now } }, { attempts: { $gt: 0 } }] };
    await em.nativeDelete(Job, { type, key: { $in: keys }, id: { $nin: claimed }, state: JobState.PENDING, lockedUntil: null, ...covered });
  }
  return groups.map((jobs) => toClaim(jobs, request));
}
