import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { AdaptedFrom } from '../components/AdaptedFrom.js';
import { Facts } from '../components/Facts.js';
import { FreshnessSummary } from '../components/freshness/FreshnessSummary.js';
import { RegisteredMeasures } from '../components/freshness/RegisteredMeasures.js';
import { Banner } from '../components/forms.js';
import { FollowButton } from '../components/FollowButton.js';
import { HexMap } from '../components/HexMap.js';
import { LineageTree, type TreeNode } from '../components/LineageTree.js';
import { TriedInCouncilsLikeYours } from '../components/TriedInCouncilsLikeYours.js';
import { changeInWords, formatFigure, MeasureChart } from '../components/MeasureChart.js';
import { type ExperimentPageQuery, ExperimentPageDocument } from '../generated/graphql.js';
import { ArtefactFileDetails } from '../components/ArtefactFileDetails.js';
import { ARTEFACT_TYPES, BUDGET_BANDS, EVALUATION_DESIGNS, EVIDENCE_LEVELS, formatDate, LICENCES, PARTNER_ROLES, STAGES, VERDICTS } from '../labels.js';
import { useSession } from '../session.js';
import { ConversationActions } from '../components/conversation/ConversationActions.js';
import { ExperimentDiscussions } from '../components/conversation/ExperimentDiscussions.js';
import { NotFoundPage } from './NotFoundPage.js';
import { QueryProblem } from './QueryProblem.js';

type Experiment = NonNullable<ExperimentPageQuery['experiment']>;

/** Only links that are plainly web addresses are made into links (the API checks too). */
const isWebLink = (url: string) => /^https?:\/\//i.test(url);
const isEmail = (email: string) => /^[^\s@<>"]+@[^\s@<>"]+$/.test(email);

function Text({ children }: { children: string }) {
  return (
    <p className="govuk-body synapse-prose">
      {children}
    </p>
  );
}

function Outcomes({ experiment }: { experiment: Experiment }) {
  if (experiment.outcomes.length === 0) return <p className="govuk-body">No outcomes published yet.</p>;
  return (
    <>
      {experiment.outcomes.map((outcome) => (
        <section key={outcome.id} className="govuk-!-margin-bottom-8">
          <h3 className="govuk-heading-s">
            {outcome.title} <strong className={`govuk-tag ${VERDICTS[outcome.verdict].tag}`}>{VERDICTS[outcome.verdict].label}</strong>
          </h3>
          <p className="govuk-body">
            {EVIDENCE_LEVELS[outcome.evidenceLevel]} Evaluated by {EVALUATION_DESIGNS[outcome.evaluationDesign].toLowerCase()}
            {outcome.independentEvaluation ? `, independently${outcome.evaluatedBy ? ` (${outcome.evaluatedBy})` : ''}` : ''}.
            {outcome.reportedOn && ` Reported ${formatDate(outcome.reportedOn)}.`}
          </p>
          {outcome.measures.map((measure) => (
            <div className="synapse-measure" key={measure.name}>
              <h4 className="govuk-heading-s govuk-!-margin-bottom-1">
                {measure.name}
                {measure.period && <span className="govuk-body-s"> ({measure.period})</span>}
              </h4>
              <MeasureChart measure={measure} />
              <p className="govuk-body-s">
                Before {formatFigure(measure.baseline, measure.unit)}, after {formatFigure(measure.result, measure.unit)}.{' '}
                <strong>{changeInWords(measure)}</strong> ({measure.goodDirection === 'UP' ? 'higher' : 'lower'} is better)
              </p>
            </div>
          ))}
          {outcome.whatWorked && (
            <>
              <h4 className="govuk-heading-s">What worked</h4>
              <Text>{outcome.whatWorked}</Text>
            </>
          )}
          {outcome.whatDidNotWork && (
            <>
              <h4 className="govuk-heading-s">What did not work</h4>
              <Text>{outcome.whatDidNotWork}</Text>
            </>
          )}
          {outcome.conditionsForSuccess && (
            <>
              <h4 className="govuk-heading-s">What it needs to work elsewhere</h4>
              <Text>{outcome.conditionsForSuccess}</Text>
            </>
          )}
        </section>
      ))}
    </>
  );
}

function Family({ experiment }: { experiment: Experiment }) {
  const family = experiment.familySummary;
  const tree = experiment.lineage.tree as TreeNode[];
  if (family.familySize <= 1) return null;
  const costs =
    family.costMin !== null && family.costMax !== null
      ? family.costMin === family.costMax
        ? `£${family.costMin.toLocaleString('en-GB')}`
        : `£${family.costMin.toLocaleString('en-GB')} to £${family.costMax.toLocaleString('en-GB')}`
      : null;
  return (
    <>
      <h2 className="govuk-heading-m" id="family">
        Every place that tried it
      </h2>
      <p className="govuk-body">{family.summary}</p>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Places that tried it</dt>
          <dd className="govuk-summary-list__value">{family.placesTried}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Verdicts</dt>
          <dd className="govuk-summary-list__value">
            {family.verdictCounts.length === 0
              ? 'No outcomes yet'
              : family.verdictCounts.map((count) => `${VERDICTS[count.verdict].label}: ${count.count}`).join(', ')}
          </dd>
        </div>
        {family.strongestEvidenceLevel && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Strongest evidence</dt>
            <dd className="govuk-summary-list__value">{EVIDENCE_LEVELS[family.strongestEvidenceLevel]}</dd>
          </div>
        )}
        {costs && (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Cost</dt>
            <dd className="govuk-summary-list__value">{costs}</dd>
          </div>
        )}
      </dl>
      <h3 className="govuk-heading-s">How it spread</h3>
      <LineageTree nodes={tree} currentId={experiment.id} />
    </>
  );
}

function Actions({ experiment }: { experiment: Experiment }) {
  const session = useSession();
  const ownOrganisation = session.member?.organisation?.id === experiment.leadOrganisation.id;
  const published = experiment.status === 'PUBLISHED';
  return (
    <div className="synapse-actions">
      {experiment.viewerCan.edit && (
        <Link className="govuk-button" to={`/experiments/${experiment.slug}/edit`}>
          {published ? 'Edit this experiment' : 'Continue editing'}
        </Link>
      )}
      {published && session.canPublish && !ownOrganisation && (
        <Link className="govuk-button" to={`/experiments/${experiment.slug}/adapt`}>
          Adapt this for {session.member!.organisation!.name}
        </Link>
      )}
      {published && session.member && (
        <FollowButton target="EXPERIMENT" targetKey={experiment.id} following={experiment.viewerFollows} what={experiment.title} />
      )}
      {published && !session.member && !session.loading && (
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            Sign in
          </Link>{' '}
          to follow it or adapt it for your council.
        </p>
      )}
      {experiment.contactEmail && isEmail(experiment.contactEmail) && (
        <p className="govuk-body">
          <a className="govuk-link" href={`mailto:${experiment.contactEmail}?subject=${encodeURIComponent(`Question about “${experiment.title}” on Synapse`)}`}>
            Ask the team a question
          </a>
        </p>
      )}
    </div>
  );
}

export function ExperimentPage() {
  const { slug = '' } = useParams();
  const location = useLocation();
  const [{ data, error, fetching }] = useQuery({ query: ExperimentPageDocument, variables: { slug } });
  if (error) return <QueryProblem error={error} />;
  if (fetching && !data) return <p className="govuk-body">Loading…</p>;
  const experiment = data?.experiment;
  if (!experiment) return <NotFoundPage />;
  const justPublished = (location.state as { published?: boolean } | null)?.published;

  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Project',
    name: experiment.title,
    description: experiment.summary,
    url: `${window.location.origin}/experiments/${experiment.slug}`,
    sponsor: { '@type': 'GovernmentOrganization', name: experiment.leadOrganisation.name },
    areaServed: experiment.places.map((place) => ({ '@type': 'AdministrativeArea', name: place.name })),
    ...(experiment.startDate && { startDate: experiment.startDate }),
    ...(experiment.endDate && { endDate: experiment.endDate }),
    ...(experiment.publishedAt && { datePublished: experiment.publishedAt }),
    license: LICENCES[experiment.licence],
  };
  const places = experiment.places.length > 0 ? experiment.places : [experiment.leadOrganisation];
  const facts: Array<[string, string | null]> = [
    ['Stage', STAGES[experiment.stage]],
    ['Service areas', experiment.serviceAreas.map((area) => area.name).join(', ')],
    ['Where', places.map((place) => place.name).join(', ')],
    ['Dates', experiment.startDate ? `${formatDate(experiment.startDate)}${experiment.endDate ? ` to ${formatDate(experiment.endDate)}` : ''}` : null],
    ['Budget', experiment.budgetBand && BUDGET_BANDS[experiment.budgetBand]],
    ['Actual cost', experiment.actualCost !== null && experiment.actualCost !== undefined ? `£${experiment.actualCost.toLocaleString('en-GB')}` : null],
    ['Funding', experiment.fundingSource ?? null],
    ['Themes', experiment.themes.join(', ') || null],
    ['Contact', [experiment.contactName, experiment.contactRole].filter(Boolean).join(', ') || null],
  ];

  return (
    <>
      <title>{`${experiment.title} – Synapse`}</title>
      {/* JSON.stringify output cannot close the script element once "<" is escaped. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replaceAll('<', '\\u003c') }} />
      {justPublished && (
        <Banner success title="Your experiment is published">
          <p className="govuk-body">Anyone can now find it by searching, follow it and adapt it for their council.</p>
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
          {experiment.status === 'PUBLISHED' && <TriedInCouncilsLikeYours experimentId={experiment.id} />}
          {experiment.status === 'PUBLISHED' && <ConversationActions experimentId={experiment.id} />}
          {experiment.familySummary.familySize > 1 && (
            <div className="govuk-inset-text">
              {experiment.familySummary.summary} <a className="govuk-link" href="#family">See every place that tried it</a>
            </div>
          )}
          {experiment.forkParent && (
            <>
              <h2 className="govuk-heading-m">How {experiment.leadOrganisation.name} adapted it</h2>
              <AdaptedFrom original={experiment.forkParent} />
              {experiment.adaptationNotes && <Text>{experiment.adaptationNotes}</Text>}
            </>
          )}
          <h2 className="govuk-heading-m">The problem</h2>
          <Text>{experiment.problem || 'Not described yet.'}</Text>
          {experiment.whoItServes && (
            <>
              <h3 className="govuk-heading-s">Who it serves</h3>
              <Text>{experiment.whoItServes}</Text>
            </>
          )}
          <h2 className="govuk-heading-m">What they tried</h2>
          <Text>{experiment.approach || 'Not described yet.'}</Text>
          {experiment.whatIsNew && (
            <>
              <h3 className="govuk-heading-s">What is new about it</h3>
              <Text>{experiment.whatIsNew}</Text>
            </>
          )}
          <h2 className="govuk-heading-m">Outcomes</h2>
          <Outcomes experiment={experiment} />
          {experiment.outcomes.length > 0 && (
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">What the evidence levels mean</span>
              </summary>
              <div className="govuk-details__text">
                <p className="govuk-body">
                  Levels follow Nesta’s Standards of Evidence. They say how sure we can be that the change came from the experiment, not
                  whether it is worth doing: a level 1 result that failed is still worth reading.
                </p>
                <ul className="govuk-list">
                  {Object.values(EVIDENCE_LEVELS).map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              </div>
            </details>
          )}
          <RegisteredMeasures slug={experiment.slug} />
          {experiment.artefacts.length > 0 && (
            <>
              <h2 className="govuk-heading-m">Things you can reuse</h2>
              <ul className="govuk-list">
                {experiment.artefacts.map((artefact) => (
                  <li key={artefact.id} className="govuk-!-margin-bottom-4">
                    {isWebLink(artefact.url) ? (
                      <a className="govuk-link govuk-!-font-weight-bold" href={artefact.url} rel="noopener noreferrer nofollow">
                        {artefact.title}
                      </a>
                    ) : (
                      <strong>{artefact.title}</strong>
                    )}{' '}
                    <strong className="govuk-tag govuk-tag--grey">{ARTEFACT_TYPES[artefact.type]}</strong>
                    {artefact.description && <span className="govuk-!-display-block">{artefact.description}</span>}
                    <span className="govuk-body-s govuk-!-display-block">
                      {artefact.format && `${artefact.format}. `}Credit: {artefact.attribution}
                      {artefact.isReference && ' (carried over from the original experiment)'}
                    </span>
                    {artefact.reuseWarning && <span className="govuk-body-s govuk-!-display-block"><strong>{artefact.reuseWarning}</strong></span>}
                    <ArtefactFileDetails artefact={artefact} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {experiment.partners.length > 0 && (
            <>
              <h2 className="govuk-heading-m">Partners</h2>
              <ul className="govuk-list">
                {experiment.partners.map((partner) => (
                  <li key={partner.id}>
                    {partner.organisation ? (
                      <Link className="govuk-link" to={`/organisations/${partner.organisation.slug}`}>
                        {partner.name}
                      </Link>
                    ) : (
                      partner.name
                    )}{' '}
                    ({PARTNER_ROLES[partner.role].toLowerCase()}){partner.contribution && `: ${partner.contribution}`}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2 className="govuk-heading-m">Timeline</h2>
          <ol className="govuk-list synapse-timeline">
            {experiment.stageHistory.map((change) => (
              <li key={change.id}>
                <strong>{STAGES[change.stage]}</strong> from {formatDate(change.changedOn)}
                {change.note && <span className="govuk-!-display-block govuk-body-s">{change.note}</span>}
              </li>
            ))}
          </ol>
          <Family experiment={experiment} />
          {experiment.status === 'PUBLISHED' && <ExperimentDiscussions experimentId={experiment.id} />}
        </div>
        <div className="govuk-grid-column-one-third">
          <Actions experiment={experiment} />
          <Facts facts={facts} className="govuk-summary-list--no-border synapse-facts" />
          <HexMap places={places} label="Where it ran" />
        </div>
      </div>
    </>
  );
}
