import { useEffect, useRef } from 'react';
import { formatDate } from '../../labels.js';
import type { FieldChange, Saving } from './edit-context.js';

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(left empty)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((item) => (typeof item === 'object' && item ? String((item as { name?: string }).name ?? '') : String(item))).join(', ');
  // A date as the date input shows it in words, not the API's 2025-03-27.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}

function Comparison({ change, label }: { change: FieldChange; label: string }) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{label}</h3>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Their change</dt>
            <dd className="govuk-summary-list__value synapse-prose">{shown(change.theirs)}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Your change</dt>
            <dd className="govuk-summary-list__value synapse-prose">{shown(change.yours)}</dd>
          </div>
        </dl>
      </div>
    </div>
  );
}

/**
 * Says that someone else changed this section while it was being edited: an alert that takes focus (so screen
 * readers hear it and keyboard users start from it), their change beside yours, and the two ways forward.
 */
export function ConflictBanner({ saving, labels = {} }: { saving: Saving; labels?: Record<string, string> }) {
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saving.conflict) banner.current?.focus();
  }, [saving.conflict, saving.changes]);
  if (!saving.conflict) return null;
  return (
    <div className="govuk-notification-banner" role="alert" aria-labelledby="conflict-title" tabIndex={-1} ref={banner} id="conflict">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="conflict-title">
          Important
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">Someone else changed this section while you were editing it</p>
        <p className="govuk-body">Your answers on this page have not been saved yet.</p>
        {saving.changes.map((change) => (
          <Comparison key={change.field} change={change} label={labels[change.field] ?? change.field} />
        ))}
        <p className="govuk-body">
          Check your answers below and save again to replace their change, or{' '}
          <button type="button" className="govuk-link synapse-link-button" onClick={saving.takeTheirs}>
            start again from their version
          </button>
          .
        </p>
      </div>
    </div>
  );
}
