import { ExperimentStatus } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { assignDefined, changeChild, removeChild } from '../experiment/experiment-child.js';
import { loadForChange } from '../experiment/experiment.service.js';
import { EventKind, recordEvent } from '../notification/events.js';
import type { Member } from '../member/member.entity.js';
import { markSubstantiveChange } from '../freshness/substantive-change.js';
import { Outcome } from './outcome.entity.js';
import type { AddOutcomeInput, OutcomeFieldsInput, UpdateOutcomeInput } from './outcome.inputs.js';

const FIELDS = [
  'title', 'verdict', 'evaluationDesign', 'evidenceLevel', 'evaluatedBy', 'costPerParticipant', 'annualSavings',
  'whatWorked', 'whatDidNotWork', 'conditionsForSuccess', 'reportedOn',
] as const;

export function applyOutcomeFields(outcome: Outcome, input: OutcomeFieldsInput & Partial<AddOutcomeInput>): void {
  assignDefined(outcome, input, FIELDS);
  if (input.title) outcome.title = input.title.trim();
  if (input.independentEvaluation !== undefined) outcome.independentEvaluation = input.independentEvaluation ?? false;
  if (input.measures !== undefined) {
    outcome.measures = (input.measures ?? []).map((measure) => ({
      name: measure.name.trim(),
      baseline: measure.baseline ?? null,
      result: measure.result ?? null,
      unit: measure.unit ?? null,
      period: measure.period ?? null,
      goodDirection: measure.goodDirection,
    }));
  }
}

export async function addOutcome(
  em: EntityManager,
  viewer: Member | null,
  experimentId: string,
  input: AddOutcomeInput,
): Promise<Outcome> {
  return em.transactional(async (tem) => {
    const experiment = await loadForChange(tem, viewer, experimentId, 'edit');
    const outcome = new Outcome();
    applyOutcomeFields(outcome, input);
    experiment.outcomes.add(outcome);
    experiment.updatedAt = new Date();
    await markSubstantiveChange(tem, experiment);
    if (experiment.status === ExperimentStatus.PUBLISHED) {
      recordEvent(tem, EventKind.NEW_OUTCOME, experiment.id, viewer, { outcomeId: outcome.id, title: outcome.title, verdict: outcome.verdict });
    }
    return outcome;
  });
}

export function updateOutcome(
  em: EntityManager,
  viewer: Member | null,
  id: string,
  version: number,
  input: UpdateOutcomeInput,
): Promise<Outcome> {
  return changeChild(em, viewer, Outcome, 'Outcome', id, version, (outcome) => applyOutcomeFields(outcome, input));
}

export function removeOutcome(em: EntityManager, viewer: Member | null, id: string, version: number): Promise<string> {
  return removeChild(em, viewer, Outcome, 'Outcome', id, version);
}
