import { STAGE_LABELS } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { requestLoader } from '../../db/request-loader.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import type { Experiment } from './experiment.entity.js';

/** One day of an experiment's public change history: "3 March 2026: outcome added; moved to the scaling stage". */
export interface HistoryDay {
  /** The day, in UK time, as YYYY-MM-DD. */
  on: string;
  changes: string[];
}

const WRITE_UP = new Set(['title', 'summary', 'problem', 'approach', 'whoItServes', 'whatIsNew', 'adaptationNotes']);
const MONEY = new Set(['budgetBand', 'actualCost', 'fundingSource']);
const WHERE = new Set(['startDate', 'endDate']);

const CHILD_CHANGES: Record<string, Record<string, string>> = {
  Outcome: { CREATE: 'outcome added', UPDATE: 'outcome corrected', DELETE: 'outcome removed' },
  Artefact: { CREATE: 'reusable document added', UPDATE: 'reusable document updated', DELETE: 'reusable document removed' },
};

/** What one audited change to the experiment itself says in public: never who, never the values. */
function experimentChanges(entry: AuditEntry): string[] {
  const after = entry.after ?? {};
  const changes: string[] = [];
  if (after.status === 'PUBLISHED') changes.push('published');
  if (after.withdrawnAt) changes.push('withdrawn');
  const keys = Object.keys(after);
  if (keys.some((key) => WRITE_UP.has(key))) changes.push('write-up updated');
  if (keys.some((key) => MONEY.has(key))) changes.push('costs updated');
  if (keys.some((key) => WHERE.has(key))) changes.push('dates updated');
  return changes;
}

/**
 * For each published experiment, the audit entries since it was published: of the experiment itself, and of
 * outcomes and artefacts of its lead organisation (narrowed to its own children by the caller). One query for the
 * request's experiments.
 */
async function auditAfterPublication(em: EntityManager, experiments: readonly Experiment[]): Promise<AuditEntry[][]> {
  const since = Math.min(...experiments.map((experiment) => experiment.publishedAt!.getTime()));
  const entries = await em.find(
    AuditEntry,
    {
      createdAt: { $gte: new Date(since) },
      $or: [
        { entityType: 'Experiment', entityId: { $in: experiments.map((experiment) => experiment.id) } },
        { entityType: { $in: Object.keys(CHILD_CHANGES) }, subjectOrganisationId: { $in: [...new Set(experiments.map((experiment) => experiment.leadOrganisation.id))] } },
      ],
    },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return experiments.map((experiment) =>
    entries.filter(
      (entry) =>
        entry.createdAt >= experiment.publishedAt! &&
        (entry.entityType === 'Experiment' ? entry.entityId === experiment.id : entry.subjectOrganisationId === experiment.leadOrganisation.id),
    ),
  );
}

const ukDay = (date: Date) => date.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

/**
 * The public change history of a published experiment, newest day first: the stages it went through (on the dates
 * its team gave) and, from the audit log, what changed on the page after it was published. It names no one: the
 * audit log's actor stays in the audit log.
 */
export async function changeHistory(em: EntityManager, experiment: Experiment): Promise<HistoryDay[]> {
  const events: Array<{ on: string; at: number; change: string }> = [];
  const stages = [...(await experiment.stageHistory.loadItems())].sort((a, b) => a.changedOn.localeCompare(b.changedOn) || a.createdAt.getTime() - b.createdAt.getTime());
  stages.forEach((stage, index) => {
    const words = `the ${STAGE_LABELS[stage.stage].toLowerCase()} stage`;
    events.push({ on: stage.changedOn, at: 0, change: index === 0 ? `started at ${words}` : `moved to ${words}` });
  });
  if (experiment.publishedAt) {
    const entries = await requestLoader(em, auditAfterPublication).load(experiment);
    // A child belongs to this experiment if it still does, or if its creation or removal names it (a removed
    // outcome is no longer listed, but its audit entries remain).
    const children = new Set([...(await experiment.outcomes.loadItems()), ...(await experiment.artefacts.loadItems())].map((child) => child.id));
    for (const entry of entries) {
      if (entry.after?.experiment === experiment.id || entry.before?.experiment === experiment.id) children.add(entry.entityId);
    }
    for (const entry of entries) {
      if (entry.entityType !== 'Experiment' && !children.has(entry.entityId)) continue;
      const childChange = CHILD_CHANGES[entry.entityType]?.[entry.change];
      const changes = entry.entityType === 'Experiment' ? experimentChanges(entry) : childChange ? [childChange] : [];
      for (const change of changes) events.push({ on: ukDay(entry.createdAt), at: entry.createdAt.getTime(), change });
    }
  }
  const days = new Map<string, string[]>();
  for (const event of events.sort((a, b) => a.on.localeCompare(b.on) || a.at - b.at)) {
    const changes = days.get(event.on) ?? [];
    if (!changes.includes(event.change)) changes.push(event.change);
    days.set(event.on, changes);
  }
  return [...days].map(([on, changes]) => ({ on, changes })).reverse();
}
