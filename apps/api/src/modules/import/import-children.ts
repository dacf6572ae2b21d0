import { ref } from '@mikro-orm/core';
import type { EntityManager } from '../../db/orm.js';
import { BadInputError } from '../../errors.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { applyArtefactFields } from '../artefact/artefact.service.js';
import type { Experiment } from '../experiment/experiment.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Outcome } from '../outcome/outcome.entity.js';
import { applyOutcomeFields } from '../outcome/outcome.service.js';
import type { ImportArtefactInput, ImportOutcomeInput, SourceArtefactInput } from './import.inputs.js';

/** A timestamp from the file, or `fallback` when it has none. */
export function timestamp(value: string | null | undefined, fallback: Date): Date {
  return value ? new Date(value) : fallback;
}

/**
 * Pairs the file's children with the stored ones: by `externalId` where the file gives one, else by title among
 * the stored children without a key. Returns, for each input, the child to update (or null to create one).
 */
function pair<T extends { externalId: string | null; title: string }>(
  existing: T[],
  inputs: { externalId?: string | null; title: string }[],
  field: string,
): (T | null)[] {
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    if (!input.externalId) return;
    if (seen.has(input.externalId)) throw BadInputError.field(`${field}.${index}.externalId`, 'is used twice in this record');
    seen.add(input.externalId);
  });
  const byKey = new Map(existing.filter((child) => child.externalId).map((child) => [child.externalId!, child]));
  const keyless = existing.filter((child) => !child.externalId);
  return inputs.map((input) => {
    if (input.externalId) return byKey.get(input.externalId) ?? null;
    const index = keyless.findIndex((child) => child.title === input.title.trim());
    return index === -1 ? null : (keyless.splice(index, 1)[0] ?? null);
  });
}

/**
 * Makes the experiment's outcomes those of the file, updating matched ones in place (same id), creating the
 * others and removing those the file no longer has. Creation times keep the file's order when it gives none.
 */
export function syncOutcomes(experiment: Experiment, inputs: ImportOutcomeInput[], base: number): void {
  const matched = pair(experiment.outcomes.getItems(), inputs, 'outcomes');
  const kept = new Set(matched.filter((outcome) => outcome !== null));
  for (const outcome of experiment.outcomes.getItems()) if (!kept.has(outcome)) experiment.outcomes.remove(outcome);
  inputs.forEach((input, index) => {
    const outcome = matched[index] ?? new Outcome();
    applyOutcomeFields(outcome, input);
    outcome.externalId = input.externalId ?? outcome.externalId;
    if (!matched[index]) {
      outcome.createdAt = timestamp(input.createdAt, new Date(base + index));
      outcome.updatedAt = timestamp(input.updatedAt, outcome.createdAt);
      experiment.outcomes.add(outcome);
    }
  });
}

async function organisationByKey(em: EntityManager, key: string): Promise<Organisation | null> {
  return em.findOne(Organisation, { $or: [{ slug: key }, { gssCode: key }] });
}

async function sourceArtefactOf(em: EntityManager, source: SourceArtefactInput, field: string): Promise<Artefact> {
  const lead = await organisationByKey(em, source.leadOrganisation);
  const found = lead
    ? await em.findOne(Artefact, {
        experiment: { leadOrganisation: lead, externalId: source.experimentExternalId },
        $or: [{ externalId: source.externalId }, { id: source.externalId.replace(/^synapse-/, '') }],
      })
    : null;
  if (!found) throw BadInputError.field(field, 'the artefact it was carried from must be imported first (earlier in the file or before)');
  return found;
}

/** As syncOutcomes, for artefacts, resolving each one's owner and the artefact it was carried from. */
export async function syncArtefacts(em: EntityManager, experiment: Experiment, inputs: ImportArtefactInput[], base: number): Promise<void> {
  const matched = pair(experiment.artefacts.getItems(), inputs, 'artefacts');
  const kept = new Set(matched.filter((artefact) => artefact !== null));
  for (const artefact of experiment.artefacts.getItems()) if (!kept.has(artefact)) experiment.artefacts.remove(artefact);
  for (const [index, input] of inputs.entries()) {
    const artefact = matched[index] ?? new Artefact();
    const owner = input.owner ? await organisationByKey(em, input.owner) : null;
    if (input.owner && !owner) throw BadInputError.field(`artefacts.${index}.owner`, `no organisation has slug or GSS code ${input.owner}`);
    // An import file carries links (an exported file keeps its stable /files address); uploads are not imported.
    if (!input.url || input.uploadId) throw BadInputError.field(`artefacts.${index}.url`, 'is required: an http or https link');
    artefact.owner = owner ? ref(owner) : experiment.leadOrganisation;
    artefact.sourceArtefact = input.sourceArtefact ? ref(await sourceArtefactOf(em, input.sourceArtefact, `artefacts.${index}.sourceArtefact`)) : null;
    applyArtefactFields(artefact, input);
    artefact.externalId = input.externalId ?? artefact.externalId;
    if (!matched[index]) {
      artefact.createdAt = timestamp(input.createdAt, new Date(base + index));
      artefact.updatedAt = timestamp(input.updatedAt, artefact.createdAt);
      experiment.artefacts.add(artefact);
    }
  }
}
