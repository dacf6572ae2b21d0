import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Job } from './job.entity.js';
import { listDeadJobs, retryDeadJobs, retryJob } from './job.service.js';

@Resolver(() => Job)
export class JobResolver {
  @Query(() => [Job], { description: 'Background jobs that failed every attempt, most recent first (platform admins only).' })
  deadJobs(
    @Ctx() { em, viewer }: Context,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most 500.' }) first: number,
  ): Promise<Job[]> {
    return listDeadJobs(em, viewer, Math.min(Math.max(first, 1), 500));
  }

  @Mutation(() => Job, { description: 'Puts a dead job back in the queue with fresh attempts (platform admins only).' })
  retryJob(@Ctx() { em, viewer }: Context, @Arg('id', () => ID) id: string): Promise<Job> {
    return retryJob(em, viewer, id);
  }

  @Mutation(() => Int, { description: 'Puts every dead job back in the queue; returns how many (platform admins only).' })
  retryDeadJobs(@Ctx() { em, viewer }: Context): Promise<number> {
    return retryDeadJobs(em, viewer);
  }
}

