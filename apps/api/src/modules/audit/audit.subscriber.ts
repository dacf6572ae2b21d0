import { type ChangeSet, ChangeSetType, type EventSubscriber, type FlushEventArgs, Reference } from '@mikro-orm/core';
import { ApiKey } from '../api-key/api-key.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Member } from '../member/member.entity.js';
import { JoinRequest } from '../membership/join-request.entity.js';
import { OrganisationDomain } from '../membership/organisation-domain.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { AuditEntry } from './audit-entry.entity.js';
import { auditScope } from './audit-scope.js';

/** Bookkeeping, not content: never audited. */
const IGNORED = new Set(['AuditEntry', 'Session', 'SignInToken', 'DevMail', 'DomainEvent', 'Notification', 'WebhookDelivery', 'Job', 'JobScheduleRun']);
const SECRET = /hash|token|secret/i; // webhook secrets, API key hashes, session tokens

function idOf(value: unknown): string | null {
  if (!value) return null;
  const entity = Reference.isReference(value) ? (value as Reference<object>).unwrap() : value;
  return (entity as { id?: string }).id ?? null;
}

function plain(values: Record<string, unknown> | undefined, keys?: string[]): Record<string, unknown> | null {
  if (!values) return null;
  const result: Record<string, unknown> = {};
  for (const key of keys ?? Object.keys(values)) {
    if (SECRET.test(key)) result[key] = '[redacted]';
    else {
      const value = values[key];
      result[key] = value instanceof Date ? value.toISOString() : (idOf(value) ?? value ?? null);
    }
  }
  return result;
}

/** The organisation whose content or membership a change concerns. */
function subjectOrganisation(entity: object, before: Record<string, unknown> | undefined): string | null {
  if (entity instanceof Organisation) return entity.id;
  if (entity instanceof Experiment) return entity.leadOrganisation.id;
  if (entity instanceof Member) return entity.organisation?.id ?? idOf(before?.organisation);
  if (entity instanceof ApiKey || entity instanceof JoinRequest || entity instanceof OrganisationDomain) return entity.organisation.id;
  const experiment = (entity as { experiment?: unknown }).experiment;
  if (experiment) {
    const loaded = Reference.isReference(experiment) ? (experiment as Reference<Experiment>).unwrap() : (experiment as Experiment);
    return loaded?.leadOrganisation?.id ?? null;
  }
  return null;
}

/** Records every change a mutation flushes: who, what, when, and the values before and after. */
export class AuditSubscriber implements EventSubscriber {
  onFlush({ em, uow }: FlushEventArgs): void {
    const scope = auditScope.getStore();
    if (!scope) return;
    for (const changeSet of uow.getChangeSets() as ChangeSet<Record<string, unknown>>[]) {
      if (IGNORED.has(changeSet.meta.className)) continue;
      const original = changeSet.originalEntity as Record<string, unknown> | undefined;
      const changed = Object.keys(changeSet.payload ?? {});
      const entry = Object.assign(new AuditEntry(), {
        ...scope,
        entityType: changeSet.meta.className,
        entityId: String(changeSet.getPrimaryKey() ?? idOf(changeSet.entity)),
        change: changeSet.type === ChangeSetType.CREATE ? 'CREATE' : changeSet.type === ChangeSetType.DELETE ? 'DELETE' : 'UPDATE',
        before: changeSet.type === ChangeSetType.CREATE ? null : plain(original, changeSet.type === ChangeSetType.DELETE ? undefined : changed),
        after: changeSet.type === ChangeSetType.DELETE ? null : plain(changeSet.payload as Record<string, unknown>),
        subjectOrganisationId: subjectOrganisation(changeSet.entity, original),
      });
      em.persist(entry);
      uow.computeChangeSet(entry);
    }
  }
}
