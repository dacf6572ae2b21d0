import { ExperimentStatus, OrganisationKind } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Outcome } from '../outcome/outcome.entity.js';
import { Experiment } from './experiment.entity.js';

export interface HeadlineCounts {
  publishedExperiments: number;
  councils: number;
  outcomesPublished: number;
  forks: number;
}

/** The network's headline numbers, counting published content only (demonstration councils left out). */
export async function headlineCounts(em: EntityManager): Promise<HeadlineCounts> {
  const published = { status: ExperimentStatus.PUBLISHED };
  return {
    publishedExperiments: await em.count(Experiment, published),
    councils: await em.count(Organisation, { kind: OrganisationKind.COUNCIL, isDemo: false }),
    outcomesPublished: await em.count(Outcome, { experiment: published }),
    forks: await em.count(Experiment, { ...published, forkParent: { $ne: null } }),
  };
}
