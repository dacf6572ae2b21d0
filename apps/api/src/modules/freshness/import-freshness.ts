import type { EntityManager } from '../../db/orm.js';
import type { Experiment } from '../experiment/experiment.entity.js';
import type { ImportExperimentRecord } from '../import/import.inputs.js';
import { MeasureRegistration } from './measure-registration.entity.js';
import { registrationFields } from './registration.service.js';

/**
 * The freshness fields of an import record: the last substantive change, and a registration of measures. A
 * registration is frozen like one made in the app: when the experiment already has one, re-imports leave it.
 */
export async function applyImportedFreshness(em: EntityManager, experiment: Experiment, record: ImportExperimentRecord): Promise<void> {
  experiment.contentChangedAt = record.lastUpdatedOn ? new Date(`${record.lastUpdatedOn}T09:00:00Z`) : null;
  const input = record.registration;
  if (!input) return;
  if (await em.count(MeasureRegistration, { experiment: experiment.id })) return;
  em.create(MeasureRegistration, {
    experiment,
    ...registrationFields(input),
    registeredAt: new Date(`${input.registeredOn}T09:00:00Z`),
  });
}

/** The freshness fields of an exported record (the import format above), so exports load back with them. */
export function exportFreshness(experiment: Experiment): Record<string, unknown> {
  const registration = experiment.registration?.unwrap() as MeasureRegistration | undefined;
  return {
    lastUpdatedOn: experiment.contentChangedAt ? experiment.contentChangedAt.toISOString().slice(0, 10) : null,
    ...(registration
      ? {
          registration: {
            registeredOn: registration.registeredAt.toISOString().slice(0, 10),
            measures: registration.measures,
            evaluationDesign: registration.evaluationDesign,
            targetEvidenceLevel: registration.targetEvidenceLevel,
            evaluationPlan: registration.evaluationPlan,
          },
        }
      : {}),
  };
}
