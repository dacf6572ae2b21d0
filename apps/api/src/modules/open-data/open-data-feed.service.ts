import { ExperimentStatus } from '@synapse/domain';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '../../db/orm.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import type { SearchFilter } from '../search/search.inputs.js';
import { SearchSort } from '../search/search.inputs.js';
import type { SearchIndex } from '../search/search-index.js';
import { search } from '../search/search.service.js';

/** Every real organisation (demonstration ones left out), by name: the organisations export. */
export function exportedOrganisations(em: EntityManager): Promise<Organisation[]> {
  return em.find(Organisation, { isDemo: false }, { orderBy: { name: 'asc' } });
}

/** The 50 latest published experiments matching `where`, with their lead organisations: an Atom feed's entries. */
export function latestPublished(em: EntityManager, where: FilterQuery<Experiment> = {}): Promise<Experiment[]> {
  return em.find(Experiment, { status: ExperimentStatus.PUBLISHED, ...(where as object) }, { populate: ['leadOrganisation'], orderBy: { publishedAt: 'desc', id: 'desc' }, limit: 50 });
}

/** The 50 newest experiments a search finds, with their lead organisations: the saved-search Atom feed's entries. */
export async function newestMatching(em: EntityManager, searchIndex: SearchIndex | null, query: string, filter: SearchFilter): Promise<Experiment[]> {
  const result = await search(em, searchIndex, { query, filter, sort: SearchSort.NEWEST, first: 50 });
  // Asked without `wants`, a search builds every hit's experiment as an entity.
  const experiments = result.hits.map((hit) => hit.experiment).filter((experiment) => experiment instanceof Experiment);
  await em.populate(experiments, ['leadOrganisation']);
  return experiments;
}
