import { formatDate } from '../../labels.js';
import { Banner } from '../forms.js';
import type { Experiment } from './types.js';

/** Banners above the title: just published, withdrawn (with the team's reason), or not public (draft, archived). */
export function ExperimentStatus({ experiment, justPublished }: { experiment: Experiment; justPublished: boolean }) {
  return (
    <>
      {justPublished && (
        <Banner success title="Your experiment is published">
          <p className="govuk-body">Anyone can now find it by searching, follow it and adapt it for their council.</p>
        </Banner>
      )}
      {experiment.withdrawnAt && (
        <Banner title={`${experiment.leadOrganisation.name} withdrew this experiment on ${formatDate(experiment.withdrawnAt)}`}>
          <p className="govuk-body synapse-prose">{experiment.withdrawalReason}</p>
          <p className="govuk-body">It is kept here so that links and adaptations still work. It no longer counts as a place that tried it.</p>
        </Banner>
      )}
      {experiment.status !== 'PUBLISHED' && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {experiment.status === 'DRAFT' ? 'This is a draft: only your organisation’s team can see it.' : 'This experiment is archived: only its team can see it.'}
          </strong>
        </div>
      )}
    </>
  );
}
