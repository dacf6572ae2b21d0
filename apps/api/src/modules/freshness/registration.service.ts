import { measureKey } from '@synapse/domain';
import { currentTime } from '../../clock.js';
import type { EntityManager } from '../../db/orm.js';
import { BadInputError } from '../../errors.js';
import { loadForChange } from '../experiment/experiment.service.js';
import type { Member } from '../member/member.entity.js';
import type { Measure, Outcome } from '../outcome/outcome.entity.js';
import type { RegisterMeasuresInput } from './freshness.inputs.js';
import { MeasureRegistration, type RegisteredMeasure } from './measure-registration.entity.js';

/** A registration's fields from the input (the app's or an import file's), trimmed. */
export function registrationFields(input: RegisterMeasuresInput) {
  return {
    measures: input.measures.map((measure) => ({
      name: measure.name.trim(),
      baseline: measure.baseline ?? null,
      unit: measure.unit?.trim() || null,
      goodDirection: measure.goodDirection,
    })),
    evaluationDesign: input.evaluationDesign,
    targetEvidenceLevel: input.targetEvidenceLevel,
    evaluationPlan: input.evaluationPlan?.trim() || null,
  };
}

/**
 * Registers what the team will measure and how it will evaluate. Only before any outcome is reported (a
 * registration after the results would prove nothing), and only once: the registration is then frozen.
 */
export async function registerMeasures(
  em: EntityManager,
  viewer: Member | null,
  experimentId: string,
  input: RegisterMeasuresInput,
): Promise<MeasureRegistration> {
  return em.transactional(async (tem) => {
    const experiment = await loadForChange(tem, viewer, experimentId, 'edit');
    const existing = await tem.findOne(MeasureRegistration, { experiment: experiment.id });
    if (existing) {
      throw BadInputError.field(
        'experimentId',
        `measures were registered on ${existing.registeredAt.toISOString().slice(0, 10)} and are frozen: report against them in an outcome instead`,
      );
    }
    if ((await experiment.outcomes.loadCount()) > 0) {
      throw BadInputError.field('experimentId', 'results are already reported: measures must be registered before the first outcome');
    }
    const seen = new Set<string>();
    input.measures.forEach((measure, index) => {
      const key = measureKey(measure.name);
      if (seen.has(key)) throw BadInputError.field(`input.measures.${index}.name`, `"${measure.name.trim()}" is registered twice`);
      seen.add(key);
    });
    const registration = tem.create(MeasureRegistration, {
      experiment,
      ...registrationFields(input),
      registeredBy: viewer ? tem.getReference((viewer.constructor as typeof Member), viewer.id, { wrapped: true }) : null,
      registeredAt: currentTime(),
    });
    return registration;
  });
}

export enum MeasureComparisonStatus {
  /** Registered, and reported in an outcome. */
  REPORTED = 'REPORTED',
  /** Registered; no outcome yet, so nothing is missing yet. */
  AWAITING_RESULTS = 'AWAITING_RESULTS',
  /** Registered, but the outcomes reported so far leave it out. */
  DROPPED = 'DROPPED',
  /** Reported in an outcome but not registered beforehand. */
  ADDED_AFTER_REGISTRATION = 'ADDED_AFTER_REGISTRATION',
}

export interface MeasureComparisonRow {
  name: string;
  status: MeasureComparisonStatus;
  registered: RegisteredMeasure | null;
  /** The latest reported value of the measure (from the newest outcome that has it). */
  reported: Measure | null;
  outcomeTitle: string | null;
}

/** Registered against reported: one row per registered measure, in order, then one per measure added later. */
export function compareMeasures(registration: MeasureRegistration, outcomes: Outcome[]): MeasureComparisonRow[] {
  const newestFirst = [...outcomes].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const reported = new Map<string, { measure: Measure; outcome: Outcome }>();
  for (const outcome of newestFirst) {
    for (const measure of outcome.measures) {
      const key = measureKey(measure.name);
      if (!reported.has(key)) reported.set(key, { measure, outcome });
    }
  }
  const registeredKeys = new Set(registration.measures.map((measure) => measureKey(measure.name)));
  const rows: MeasureComparisonRow[] = registration.measures.map((measure) => {
    const match = reported.get(measureKey(measure.name));
    const status = match
      ? MeasureComparisonStatus.REPORTED
      : outcomes.length === 0
        ? MeasureComparisonStatus.AWAITING_RESULTS
        : MeasureComparisonStatus.DROPPED;
    return { name: measure.name, status, registered: measure, reported: match?.measure ?? null, outcomeTitle: match?.outcome.title ?? null };
  });
  for (const [key, { measure, outcome }] of [...reported.entries()].reverse()) {
    if (registeredKeys.has(key)) continue;
    rows.push({ name: measure.name, status: MeasureComparisonStatus.ADDED_AFTER_REGISTRATION, registered: null, reported: measure, outcomeTitle: outcome.title });
  }
  return rows;
}
