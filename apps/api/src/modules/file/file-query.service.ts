import type { EntityManager } from '../../db/orm.js';
import { requestLoader } from '../../db/request-loader.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { ArtefactFile } from './artefact-file.entity.js';

async function filesOfArtefacts(em: EntityManager, ids: readonly string[]): Promise<ArtefactFile[][]> {
  const files = await em.find(ArtefactFile, { artefact: { $in: [...ids] } }, { orderBy: { number: 'desc' } });
  return ids.map((id) => files.filter((file) => file.artefact.id === id));
}

async function reuseCounts(em: EntityManager, ids: readonly string[]): Promise<number[]> {
  const copies = await em.find(Artefact, { sourceArtefact: { $in: [...ids] } }, { fields: ['sourceArtefact'] });
  return ids.map((id) => copies.filter((copy) => copy.sourceArtefact?.id === id).length);
}

/** An artefact's file versions, newest first, batched across a request (one query per page of artefacts). */
export function filesOf(em: EntityManager, artefactId: string): Promise<ArtefactFile[]> {
  return requestLoader(em, filesOfArtefacts).load(artefactId);
}

/** How many artefacts in adaptations (forks) point back to each artefact, batched. */
export function reuseCountOf(em: EntityManager, artefactId: string): Promise<number> {
  return requestLoader(em, reuseCounts).load(artefactId);
}

/** The public address of an artefact's latest file, or of one version. */
export function fileAddress(publicUrl: string, artefactId: string, number?: number): string {
  return `${publicUrl}/files/artefacts/${artefactId}${number ? `/versions/${number}` : ''}`;
}
