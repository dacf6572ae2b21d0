import { Banner } from '../../components/forms.js';
import type { Saving } from './edit-context.js';

/** Says that someone else saved first, what they changed on this page, and the two ways forward. */
export function ConflictBanner({ saving, changed }: { saving: Saving; changed?: string[] }) {
  if (!saving.conflict) return null;
  return (
    <Banner title="Someone else saved this experiment while you were editing it">
      <p className="govuk-body">
        Your answers on this page have not been saved yet.
        {changed && changed.length > 0 && ` They changed: ${changed.join(', ')}.`}
      </p>
      <p className="govuk-body">
        Check your answers below and save again to replace their version, or{' '}
        <button type="button" className="govuk-link synapse-link-button" onClick={saving.takeTheirs}>
          start again from their version
        </button>
        .
      </p>
    </Banner>
  );
}
