import { SERVICE_AREAS } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { ServiceArea } from './service-area.entity.js';

/** Makes the service_areas table match the curated list in @synapse/domain. */
export async function syncServiceAreas(em: EntityManager): Promise<void> {
  const existing = new Map((await em.find(ServiceArea, {})).map((area) => [area.slug, area]));
  SERVICE_AREAS.forEach(({ slug, name }, position) => {
    const area = existing.get(slug) ?? new ServiceArea();
    Object.assign(area, { slug, name, position });
    em.persist(area);
  });
  await em.flush();
}

export function listServiceAreas(em: EntityManager): Promise<ServiceArea[]> {
  return em.find(ServiceArea, {}, { orderBy: { position: 'asc' } });
}
