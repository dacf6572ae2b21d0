import DataLoader from 'dataloader';
import type { EntityManager } from '../../db/orm.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { ArtefactFile } from './artefact-file.entity.js';

const fileLoaders = new WeakMap<EntityManager, DataLoader<string, ArtefactFile[]>>();
const reuseLoaders = new WeakMap<EntityManager, DataLoader<string, number>>();

/** An artefact's file versions, newest first, batched across a request (one query per page of artefacts). */
export function filesOf(em: EntityManager, artefactId: string): Promise<ArtefactFile[]> {
  let loader = fileLoaders.get(em);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const files = await em.find(ArtefactFile, { artefact: { $in: [...ids] } }, { orderBy: { number: 'desc' } });
      return ids.map((id) => files.filter((file) => file.artefact.id === id));
    });
    fileLoaders.set(em, loader);
  }
  return loader.load(artefactId);
}

/** How many artefacts in adaptations (forks) point back to each artefact, batched. */
export function reuseCountOf(em: EntityManager, artefactId: string): Promise<number> {
  let loader = reuseLoaders.get(em);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly string[]) => {
      const copies = await em.find(Artefact, { sourceArtefact: { $in: [...ids] } }, { fields: ['sourceArtefact'] });
      return ids.map((id) => copies.filter((copy) => copy.sourceArtefact?.id === id).length);
    });
    reuseLoaders.set(em, loader);
  }
  return loader.load(artefactId);
}

/** The public address of an artefact's latest file, or of one version. */
export function fileAddress(publicUrl: string, artefactId: string, number?: number): string {
  return `${publicUrl}/files/artefacts/${artefactId}${number ? `/versions/${number}` : ''}`;
}
