import type { EntityManager } from '../../db/orm.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { Member } from '../member/member.entity.js';
import { Job, JobState } from './job.entity.js';

/** Who may see and retry dead jobs: platform admins only (they hold payload ids and internal errors). */
export const jobPolicy = {
  manage: (viewer: Member | null): boolean => viewer?.platformAdmin === true,
};

function mustManage(viewer: Member | null): void {
  if (!jobPolicy.manage(viewer)) throw new ForbiddenError('manage background jobs (platform admins only)');
}

/** Dead jobs, most recently failed first. */
export function deadJobs(em: EntityManager, limit = 100): Promise<Job[]> {
  return em.find(Job, { state: JobState.DEAD }, { orderBy: { updatedAt: 'desc', id: 'asc' }, limit });
}

/** Puts a dead job back in the queue with fresh attempts (its last error is kept until it runs again). */
export async function retryDeadJob(em: EntityManager, id: string): Promise<Job> {
  const revived = await em.nativeUpdate(Job, { id, state: JobState.DEAD }, { state: JobState.PENDING, attempts: 0, runAt: new Date(), lockedBy: null, lockedUntil: null });
  if (revived !== 1) throw new NotFoundError('Dead job', id);
  return em.findOneOrFail(Job, { id }, { refresh: true });
}

/** Puts every dead job back in the queue; returns how many. */
export function retryAllDeadJobs(em: EntityManager): Promise<number> {
  return em.nativeUpdate(Job, { state: JobState.DEAD }, { state: JobState.PENDING, attempts: 0, runAt: new Date(), lockedBy: null, lockedUntil: null });
}

export async function listDeadJobs(em: EntityManager, viewer: Member | null, first: number): Promise<Job[]> {
  mustManage(viewer);
  return deadJobs(em, first);
}

/** Platform admins' retry of one dead job: the revival and the read-back in one transaction, like every mutation. */
export async function retryJob(em: EntityManager, viewer: Member | null, id: string): Promise<Job> {
  mustManage(viewer);
  return em.transactional((tem) => retryDeadJob(tem, id));
}

export async function retryDeadJobs(em: EntityManager, viewer: Member | null): Promise<number> {
  mustManage(viewer);
  return em.transactional((tem) => retryAllDeadJobs(tem));
}
