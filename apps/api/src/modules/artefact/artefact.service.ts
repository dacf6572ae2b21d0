import { ExperimentStatus } from '@synapse/domain';
import type { AppConfig } from '../../config.js';
import { BadInputError } from '../../errors.js';
import { attachUpload } from '../file/upload.service.js';
import type { EntityManager } from '../../db/orm.js';
import { assignDefined, changeChild, removeChild } from '../experiment/experiment-child.js';
import { loadForChange } from '../experiment/experiment.service.js';
import { markSubstantiveChange } from '../freshness/substantive-change.js';
import { EventKind, recordEvent } from '../notification/events.js';
import type { Member } from '../member/member.entity.js';
import { Artefact } from './artefact.entity.js';
import type { AddArtefactInput, UpdateArtefactInput } from './artefact.inputs.js';

const FIELDS = ['type', 'licence', 'url', 'description', 'format', 'documentVersion', 'lastReviewedOn'] as const;

export function applyArtefactFields(artefact: Artefact, input: UpdateArtefactInput): void {
  assignDefined(artefact, input, FIELDS);
  if (input.title) artefact.title = input.title.trim();
}

export async function addArtefact(
  em: EntityManager,
  viewer: Member | null,
  experimentId: string,
  input: AddArtefactInput,
  config: AppConfig,
): Promise<Artefact> {
  if (!input.url === !input.uploadId) throw BadInputError.field('input.url', 'give either a link or an uploaded file (uploadId)');
  return em.transactional(async (tem) => {
    const experiment = await loadForChange(tem, viewer, experimentId, 'edit');
    const artefact = new Artefact();
    artefact.owner = experiment.leadOrganisation;
    applyArtefactFields(artefact, input);
    if (input.uploadId) await attachUpload(tem, config, viewer, artefact, input.uploadId, 'input.uploadId');
    experiment.artefacts.add(artefact);
    experiment.updatedAt = new Date();
    await markSubstantiveChange(tem, experiment);
    if (experiment.status === ExperimentStatus.PUBLISHED) {
      recordEvent(tem, EventKind.ARTEFACT_CHANGED, experiment.id, viewer, { artefactId: artefact.id, title: artefact.title, change: 'added' });
    }
    return artefact;
  });
}

export function updateArtefact(
  em: EntityManager,
  viewer: Member | null,
  id: string,
  version: number,
  input: UpdateArtefactInput,
  config: AppConfig,
): Promise<Artefact> {
  return changeChild(em, viewer, Artefact, 'Artefact', id, version, async (artefact, tem) => {
    const versionBefore = artefact.documentVersion;
    applyArtefactFields(artefact, input);
    const file = input.uploadId ? await attachUpload(tem, config, viewer, artefact, input.uploadId, 'input.uploadId') : null;
    const experiment = artefact.experiment.getEntity();
    if (experiment.status === ExperimentStatus.PUBLISHED && (artefact.documentVersion !== versionBefore || (file && file.number > 1))) {
      const data = { artefactId: artefact.id, title: artefact.title, change: 'new version', documentVersion: artefact.documentVersion };
      recordEvent(tem, EventKind.ARTEFACT_CHANGED, experiment.id, viewer, data);
    }
  });
}

export function removeArtefact(em: EntityManager, viewer: Member | null, id: string, version: number): Promise<string> {
  return removeChild(em, viewer, Artefact, 'Artefact', id, version);
}
