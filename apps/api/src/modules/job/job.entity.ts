import { DateTimeType } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { newId } from '../../db/ids.js';

export enum JobState {
  /** Waiting for `runAt`, or claimed by a worker until `lockedUntil`. */
  PENDING = 'PENDING',
  /** Failed `maxAttempts` times: kept with its last error until a platform admin retries it. */
  DEAD = 'DEAD',
}
registerEnumType(JobState, { name: 'JobState' });

/**
 * One unit of background work. Written in the same transaction as the change that calls for it; deleted
 * once its handler succeeds. A claim is a lease (`lockedBy`, `lockedUntil`) counted from that job's claim.
 */
@ObjectType({ description: 'A background job (platform admins see dead ones: failed maxAttempts times).' })
@Entity({ tableName: 'jobs' })
@Index({ properties: ['state', 'runAt'] })
@Index({ properties: ['type', 'key'] })
export class Job {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 36 })
  id: string = newId();

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  type!: string;

  /** Same (type, key) = same work: a pending, unclaimed job absorbs later enqueues of it. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  key: string | null = null;

  @Field(() => GraphQLJSON)
  @Property({ type: 'json' })
  payload: Record<string, unknown> = {};

  @Field(() => JobState)
  @Enum({ items: () => JobState })
  state: JobState = JobState.PENDING;

  /** Claims so far (a crash mid-run counts: a job that kills its worker ends up dead, not in a loop). */
  @Field(() => Int)
  @Property({ type: 'integer' })
  attempts: number = 0;

  /** Null: the handler's maxAttempts (default 10). */
  @Property({ type: 'integer', nullable: true })
  maxAttempts: number | null = null;

  /** Not before this time (retries back off). */
  @Field(() => Date)
  @Property({ type: DateTimeType })
  runAt: Date = new Date();

  /** The claim's token; only its holder may complete or reschedule the job. */
  @Property({ type: 'string', length: 80, nullable: true })
  lockedBy: string | null = null;

  @Property({ type: DateTimeType, nullable: true })
  lockedUntil: Date | null = null;

  @Field(() => String, { nullable: true, description: 'The last failure, as logged.' })
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Field(() => Date)
  @Property({ type: DateTimeType })
  createdAt: Date = new Date();

  @Field(() => Date)
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
