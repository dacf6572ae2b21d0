import { raw } from '@mikro-orm/core';
import type { EntityManager } from '../../db/orm.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { accessFor } from '../experiment/experiment.service.js';
import { experimentPolicy } from '../experiment/experiment.policy.js';
import { Member } from '../member/member.entity.js';
import { ArtefactFile, ScanStatus } from './artefact-file.entity.js';

export type DownloadDecision =
  | { ok: true; file: ArtefactFile }
  | { ok: false; status: 404 | 409 | 410; message: string };

/**
 * Which file a download address gives, for whom: the latest version (or one by number) of an artefact the
 * viewer may see; never a file waiting for the virus scanner or rejected by it. Counts the download.
 */
export async function decideDownload(em: EntityManager, memberId: string | null, artefactId: string, number: number | null): Promise<DownloadDecision> {
  const missing = { ok: false, status: 404, message: 'There is no such file.' } as const;
  const artefact = await em.findOne(Artefact, { id: artefactId }, { populate: ['experiment'] });
  if (!artefact) return missing;
  const viewer = memberId ? await em.findOne(Member, { id: memberId, deletedAt: null }) : null;
  if (!experimentPolicy.view(await accessFor(viewer, artefact.experiment.getEntity()))) return missing;
  const file = await em.findOne(ArtefactFile, number ? { artefact: artefactId, number } : { artefact: artefactId }, { orderBy: { number: 'desc' } });
  if (!file) return missing;
  if (file.scanStatus === ScanStatus.PENDING) return { ok: false, status: 409, message: 'This file is being checked for viruses. Try again in a few minutes.' };
  if (file.scanStatus === ScanStatus.INFECTED) return { ok: false, status: 410, message: 'This file was removed: the virus scanner rejected it.' };
  // One atomic increment: no read-modify-write race between processes.
  await em.nativeUpdate(ArtefactFile, { id: file.id }, { downloads: raw('downloads + 1') });
  return { ok: true, file };
}
