import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { openConfiguredDatabase } from '../db/open.js';
import { entityManager } from '../db/orm.js';
import { deadJobs, retryAllDeadJobs, retryDeadJob } from '../modules/job/job.service.js';

const USAGE = 'Usage: npm run jobs -- list | retry <job id> | retry-dead';

// npm run jobs: lists dead background jobs (failed every attempt) and puts them back in the queue.
async function main(args: string[]): Promise<number> {
  const [command, id] = args;
  if (!['list', 'retry', 'retry-dead'].includes(command ?? '') || (command === 'retry' && !id)) {
    console.error(USAGE);
    return 2;
  }
  const orm = await openConfiguredDatabase(loadConfig());
  try {
    const em = entityManager(orm).fork();
    if (command === 'list') {
      const jobs = await deadJobs(em, 500);
      if (jobs.length === 0) console.log('No dead jobs.');
      for (const job of jobs) {
        console.log(`${job.id}  ${job.type}  ${job.attempts} attempts  failed ${job.updatedAt.toISOString()}  ${JSON.stringify(job.payload)}`);
        console.log(`    ${job.lastError ?? '(no error recorded)'}`);
      }
    } else if (command === 'retry') {
      const job = await retryDeadJob(em, id!);
      console.log(`Job ${job.id} (${job.type}) is back in the queue.`);
    } else {
      console.log(`${await retryAllDeadJobs(em)} dead job(s) put back in the queue.`);
    }
    return 0;
  } finally {
    await orm.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
