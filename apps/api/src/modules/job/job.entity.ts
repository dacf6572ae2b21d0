import { DateTimeType } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { newId } from '../../db/ids.js';

export enum JobState {
  /** Waiting for `runAt`, or claimed by a worker until `lockedUntil`. */
  PENDING = 'PENDING',
  /** Failed `maxAttempts` times: kept with its last error until a platform admin retries it. */
  DEAD = 'DEAD',
}

/**
 * One unit of background work. Written in the same transaction as the change that calls for it; deleted
 * once its handler succeeds. A claim is a lease (`lockedBy`, `lockedUntil`) counted from that job's claim.
 */
@Entity({ tableName: 'jobs' })
@Index({ properties: ['state', 'runAt'] })
@Index({ properties: ['type', 'key'] })
export class Job {
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Property({ type: 'string', length: 100 })
  type!: string;

  /** Same (type, key) = same work: a pending, unclaimed job absorbs later enqueues of it. */
  @Property({ type: 'string', length: 200, nullable: true })
  key: string | null = null;

  @Property({ type: 'json' })
  payload: Record<string, unknown> = {};

  @Enum({ items: () => JobState })
  state: JobState = JobState.PENDING;

  /** Claims so far (a crash mid-run counts: a job that kills its worker ends up dead, not in a loop). */
  @Property({ type: 'integer' })
  attempts: number = 0;

  /** Null: the handler's maxAttempts (default 10). */
  @Property({ type: 'integer', nullable: true })
  maxAttempts: number | null = null;

  /** Not before this time (retries back off). */
  @Property({ type: DateTimeType })
  runAt: Date = new Date();

  /** The claim's token; only its holder may complete or reschedule the job. */
  @Property({ type: 'string', length: 80, nullable: true })
  lockedBy: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  lockedUntil: Date | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Property({ type: DateTimeType, onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** When each recurring job (a JobSchedule) is next due, shared by every process so each interval runs once. */
@Entity({ tableName: 'job_schedules' })
export class JobScheduleRun {
  @PrimaryKey({ type: 'string', length: 100 })
  type!: string;

  @Property({ type: DateTimeType })
  nextRunAt!: Date;
}
