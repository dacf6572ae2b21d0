import type { EntityClass, Ref } from '@mikro-orm/core';
import type { EntityManager } from '../../db/orm.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import type { Member } from '../member/member.entity.js';
import type { Experiment } from './experiment.entity.js';
import { loadForChange } from './experiment.service.js';
import { markSubstantiveChange } from '../freshness/substantive-change.js';

export interface ExperimentChild {
  id: string;
  version: number;
  experiment: Ref<Experiment>;
}

/**
 * Loads an outcome or artefact for a change. It follows its experiment's rules: NOT_FOUND when the experiment
 * is not visible, FORBIDDEN when not editable, CONFLICT when the child's version is stale.
 */
export async function loadChildForChange<T extends ExperimentChild>(
  em: EntityManager,
  viewer: Member | null,
  entity: EntityClass<T>,
  label: string,
  id: string,
  expectedVersion: number,
): Promise<T> {
  const child = (await em.findOne(entity, { id } as never)) as T | null;
  if (!child) throw new NotFoundError(label, id);
  try {
    await loadForChange(em, viewer, child.experiment.id, 'edit');
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError(label, id);
    throw error;
  }
  if (child.version !== expectedVersion) throw new ConflictError(`This ${label.toLowerCase()}`, expectedVersion, child.version);
  return child;
}

/** Copies the fields present in `input` onto `target` (undefined means "leave alone"). */
export function assignDefined<T extends object>(target: T, input: object, keys: readonly (keyof T & string)[]): void {
  for (const key of keys) {
    const value = (input as Record<string, unknown>)[key];
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
}

/** Applies a change to an outcome or artefact in a transaction, with the experiment's rules and version check. */
export function changeChild<T extends ExperimentChild & { updatedAt: Date }>(
  em: EntityManager,
  viewer: Member | null,
  entity: EntityClass<T>,
  label: string,
  id: string,
  version: number,
  apply: (child: T, em: EntityManager) => void | Promise<void>,
): Promise<T> {
  return em.transactional(async (tem) => {
    const child = await loadChildForChange(tem, viewer, entity, label, id, version);
    await apply(child, tem);
    child.updatedAt = new Date();
    await markSubstantiveChange(tem, child.experiment.id);
    return child;
  });
}

/** Removes an outcome or artefact, with the experiment's rules and version check; returns its id. */
export function removeChild<T extends ExperimentChild>(
  em: EntityManager,
  viewer: Member | null,
  entity: EntityClass<T>,
  label: string,
  id: string,
  version: number,
): Promise<string> {
  return em.transactional(async (tem) => {
    const child = await loadChildForChange(tem, viewer, entity, label, id, version);
    tem.remove(child);
    await markSubstantiveChange(tem, child.experiment.id);
    return id;
  });
}
