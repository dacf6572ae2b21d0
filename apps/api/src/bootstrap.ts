import type { MikroORM } from '@mikro-orm/core';
import { entityManager } from './db/orm.js';
import { ensureDemoAccounts } from './demo/demo-member.js';
import { seedDemoExperiments } from './demo/demo-data.js';
import { seedDemoDiscussions } from './demo/demo-discussions.js';
import { Experiment } from './modules/experiment/experiment.entity.js';
import { loadReferenceCouncils } from './modules/organisation/organisation.service.js';
import { syncServiceAreas } from './modules/service-area/service-area.service.js';

export interface BootstrapOptions {
  seedDemo: boolean;
  log?: (message: string) => void;
}

/** Brings a migrated database to a usable state: reference data always, demo data when empty. Idempotent. */
export async function bootstrapData(orm: MikroORM, options: BootstrapOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  const em = entityManager(orm).fork();
  await syncServiceAreas(em);
  const { councils } = await loadReferenceCouncils(em);
  log(`Reference data: ${councils} UK councils.`);
  await ensureDemoAccounts(em);
  if (options.seedDemo && (await em.count(Experiment, {})) === 0) {
    const report = await seedDemoExperiments(em);
    log(`Demo data: loaded ${report.created} experiments.`);
    log(`Demo data: loaded ${await seedDemoDiscussions(em)} discussions.`);
  }
}
