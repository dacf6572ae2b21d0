import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { AdaptedFrom } from '../components/AdaptedFrom.js';
import { ExperimentActions } from '../components/experiment/ExperimentActions.js';
import { ExperimentArtefacts } from '../components/experiment/ExperimentArtefacts.js';
import { ExperimentFacts, experimentPlaces } from '../components/experiment/ExperimentFacts.js';
import { ExperimentFamily } from '../components/experiment/ExperimentFamily.js';
import { ExperimentHistory } from '../components/experiment/ExperimentHistory.js';
import { ExperimentJsonLd } from '../components/experiment/ExperimentJsonLd.js';
import { ExperimentOutcomes } from '../components/experiment/ExperimentOutcomes.js';
import { ExperimentPartners } from '../components/experiment/ExperimentPartners.js';
import { ExperimentStatus } from '../components/experiment/ExperimentStatus.js';
import { ExperimentStory } from '../components/experiment/ExperimentStory.js';
import { ExperimentTopics } from '../components/experiment/ExperimentTopics.js';
import { ExperimentTimeline } from '../components/experiment/ExperimentTimeline.js';
import { ShareActions } from '../components/experiment/ShareActions.js';
import { FreshnessSummary } from '../components/freshness/FreshnessSummary.js';
import { HexMap } from '../components/HexMap.js';
import { TriedInCouncilsLikeYours } from '../components/TriedInCouncilsLikeYours.js';
import { ExperimentPageDocument } from '../generated/graphql.js';
import { ConversationActions } from '../components/conversation/ConversationActions.js';
import { ExperimentDiscussions } from '../components/conversation/ExperimentDiscussions.js';
import { ExperimentMeta } from '../components/experiment/ExperimentMeta.js';
import { useHttpStatus } from '../render-context.js';
import { EXPERIMENT_ID, ExperimentById } from './MovedAddresses.js';
import { NotFoundPage } from './NotFoundPage.js';
import { QueryProblem } from './QueryProblem.js';

/**
 * One experiment's public page. Each section is its own component (components/experiment/);
 * the side column comes first in the markup so that on a phone the actions and key facts sit
 * right under the summary, and floats right from tablet width up.
 */
export function ExperimentPage() {
  const { slug = '' } = useParams();
  return EXPERIMENT_ID.test(slug) ? <ExperimentById id={slug} /> : <ExperimentBySlug slug={slug} />;
}

function ExperimentBySlug({ slug }: { slug: string }) {
  const location = useLocation();
  const [{ data, error, fetching }] = useQuery({ query: ExperimentPageDocument, variables: { slug } });
  // A withdrawn experiment stays readable, marked as withdrawn; the status tells crawlers it is gone.
  useHttpStatus(data?.experiment?.withdrawnAt ? 410 : null);
  if (error) return <QueryProblem error={error} />;
  if (fetching && !data) return <p className="govuk-body">Loading…</p>;
  const experiment = data?.experiment;
  if (!experiment) return <NotFoundPage />;
  const justPublished = Boolean((location.state as { published?: boolean } | null)?.published);

  return (
    <>
      <ExperimentMeta experiment={experiment} />
      <ExperimentJsonLd experiment={experiment} />
      <ExperimentStatus experiment={experiment} justPublished={justPublished} />
      <span className="govuk-caption-l">
        <Link className="govuk-link govuk-link--muted" to={`/organisations/${experiment.leadOrganisation.slug}`}>
          {experiment.leadOrganisation.name}
        </Link>
      </span>
      <h1 className="govuk-heading-l">{experiment.title}</h1>
      <FreshnessSummary slug={experiment.slug} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body-l">{experiment.summary}</p>
          {experiment.forkParent && <AdaptedFrom original={experiment.forkParent} by={experiment.leadOrganisation.name} />}
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third synapse-aside">
          <ExperimentActions experiment={experiment} />
          <ShareActions experiment={experiment} />
          <ExperimentFacts experiment={experiment} />
          <ExperimentTopics experiment={experiment} />
          <HexMap places={experimentPlaces(experiment)} label="Where it ran" />
        </div>
        <div className="govuk-grid-column-two-thirds">
          {experiment.status === 'PUBLISHED' && <TriedInCouncilsLikeYours experimentId={experiment.id} />}
          {experiment.status === 'PUBLISHED' && <ConversationActions experimentId={experiment.id} />}
          {experiment.familySummary.familySize > 1 && (
            <div className="govuk-inset-text">
              {experiment.familySummary.summary} <a className="govuk-link" href="#family">See every place that tried it</a>
            </div>
          )}
          <ExperimentStory experiment={experiment} />
          <ExperimentOutcomes experiment={experiment} />
          <ExperimentArtefacts experiment={experiment} />
          <ExperimentPartners experiment={experiment} />
          <ExperimentTimeline experiment={experiment} />
          <ExperimentHistory experiment={experiment} />
          <ExperimentFamily experiment={experiment} />
          {experiment.status === 'PUBLISHED' && <ExperimentDiscussions experimentId={experiment.id} />}
        </div>
      </div>
    </>
  );
}
