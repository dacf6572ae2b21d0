import { REGISTERED_BADGE_LABEL } from '@synapse/domain';
import { useMutation, useQuery } from 'urql';
import { ConfirmStillAccurateDocument, ExperimentFreshnessDocument } from '../../generated/graphql.js';
import { formatDate } from '../../labels.js';
import { Button, ErrorSummary, problemsFrom } from '../forms.js';

function monthYear(value: string): string {
  return new Date(value).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' });
}

/**
 * Under an experiment's title: when it last changed, whether its measures were registered before results, and
 * (published records) a notice when its review is overdue or its results have not been reported.
 */
export function FreshnessSummary({ slug }: { slug: string }) {
  const [{ data }] = useQuery({ query: ExperimentFreshnessDocument, variables: { slug } });
  const [{ fetching, error }, confirm] = useMutation(ConfirmStillAccurateDocument);
  const experiment = data?.experiment;
  if (!experiment) return null;
  const lastChecked = experiment.lastReviewedOn && experiment.lastReviewedOn > experiment.lastUpdatedAt.slice(0, 10) ? experiment.lastReviewedOn : experiment.lastUpdatedAt;
  return (
    <div className="synapse-freshness">
      {experiment.registration && (
        <p className="govuk-!-margin-bottom-2">
          <strong className="govuk-tag govuk-tag--blue">{REGISTERED_BADGE_LABEL}</strong>
        </p>
      )}
      <p className="govuk-body-s govuk-!-margin-bottom-4">
        Last updated {formatDate(experiment.lastUpdatedAt)}
        {experiment.lastReviewedOn && `. Checked by its team ${formatDate(experiment.lastReviewedOn)}`}.
      </p>
      {experiment.reviewOverdue && (
        <div className="govuk-inset-text" data-testid="review-overdue">
          <p className="govuk-body">
            Last reviewed {monthYear(lastChecked)}: the team has been asked to check it is still accurate.
          </p>
          {experiment.viewerCan.edit && (
            <>
              <ErrorSummary problems={problemsFrom(error)} />
              <Button type="button" secondary disabled={fetching} onClick={() => void confirm({ id: experiment.id })}>
                It is still accurate
              </Button>
            </>
          )}
        </div>
      )}
      {experiment.resultsOverdue && experiment.endDate && (
        <div className="govuk-inset-text" data-testid="results-overdue">
          <p className="govuk-body">
            <strong>Results not yet reported.</strong> This pilot ended on {formatDate(experiment.endDate)}; the team has been asked to add what
            happened, even if it was disappointing.
          </p>
        </div>
      )}
    </div>
  );
}
