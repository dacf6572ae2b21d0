import { COUNCIL_TYPE_LABELS, NATION_LABELS, RURAL_URBAN_LABELS } from '@synapse/domain';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { OrganisationExperimentsDocument, OrganisationPageDocument } from '../generated/graphql.js';
import { CouncilsLike } from '../components/CouncilsLike.js';
import { Facts } from '../components/Facts.js';
import { FollowTopics } from '../components/FollowTopics.js';
import { HexMap } from '../components/HexMap.js';
import { sentenceCase } from '../labels.js';
import { PageMeta } from '../components/PageMeta.js';
import { GSS_CODE, OrganisationByGssCode } from './MovedAddresses.js';
import { NotFoundPage } from './NotFoundPage.js';
import { QueryProblem } from './QueryProblem.js';

/** A place code in the words @synapse/domain gives it ("Northern Ireland", "Metropolitan borough"). */
function placeWords(labels: Record<string, string>, code: string): string {
  return labels[code] ?? sentenceCase(code);
}

function OrganisationExperiments({ gssCode }: { gssCode: string }) {
  const [{ data, error }] = useQuery({ query: OrganisationExperimentsDocument, variables: { gssCode } });
  if (error) return <QueryProblem error={error} />;
  if (!data) return <p className="govuk-body">Loading experiments…</p>;
  if (data.experiments.totalCount === 0) return <p className="govuk-body">No published experiments yet.</p>;
  return (
    <ul className="govuk-list">
      {data.experiments.nodes.map((experiment) => (
        <li key={experiment.id} className="govuk-!-margin-bottom-4">
          <Link className="govuk-link govuk-!-font-weight-bold" to={`/experiments/${experiment.slug}`}>
            {experiment.title}
          </Link>
          {experiment.forkParent && <strong className="govuk-tag govuk-tag--blue govuk-!-margin-left-2">Adapted</strong>}
          <p className="govuk-body-s govuk-!-margin-bottom-0">{experiment.summary}</p>
        </li>
      ))}
    </ul>
  );
}

export function OrganisationPage() {
  const { slug = '' } = useParams();
  return GSS_CODE.test(slug) ? <OrganisationByGssCode gssCode={slug} /> : <OrganisationBySlug slug={slug} />;
}

function OrganisationBySlug({ slug }: { slug: string }) {
  const [{ data, error, fetching }] = useQuery({ query: OrganisationPageDocument, variables: { slug } });
  if (error) return <QueryProblem error={error} />;
  if (fetching && !data) return <p className="govuk-body">Loading…</p>;
  const organisation = data?.organisation;
  if (!organisation) return <NotFoundPage />;

  const facts: Array<[string, string | null]> = [
    ['Type', organisation.councilType && placeWords(COUNCIL_TYPE_LABELS, organisation.councilType)],
    ['Where', [organisation.region, organisation.nation && placeWords(NATION_LABELS, organisation.nation)].filter(Boolean).join(', ') || null],
    ['Population', organisation.population?.toLocaleString('en-GB') ?? null],
    ['Area', organisation.areaKm2 ? `${Math.round(organisation.areaKm2).toLocaleString('en-GB')} km²` : null],
    ['Deprivation', organisation.deprivationQuintile ? `Quintile ${organisation.deprivationQuintile} of 5 (1 is the most deprived)` : null],
    ['Rural or urban', organisation.ruralUrbanClass && placeWords(RURAL_URBAN_LABELS, organisation.ruralUrbanClass)],
    ['GSS code', organisation.gssCode],
  ];
  return (
    <>
      <PageMeta title={organisation.name} description={`What ${organisation.name} has tried, and what happened: experiments published on Synapse.`} />
      <h1 className="govuk-heading-l">{organisation.officialName}</h1>
      <FollowTopics topics={[{ target: 'ORGANISATION', key: organisation.id, what: `New experiments from ${organisation.name}` }]} />
      {(organisation.viewerCan.manageMembers || organisation.viewerCan.manageApiKeys) && (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/organisations/${organisation.slug}/manage`}>
            Manage {organisation.name}: people, requests to join and API keys
          </Link>
        </p>
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Facts facts={facts} />
        </div>
        <div className="govuk-grid-column-one-third">
          <HexMap places={[organisation]} label={`Where ${organisation.name} is`} />
        </div>
      </div>
      <h2 className="govuk-heading-m">Experiments and adaptations</h2>
      {organisation.gssCode ? (
        <OrganisationExperiments gssCode={organisation.gssCode} />
      ) : (
        <p className="govuk-body">No published experiments yet.</p>
      )}
      {organisation.gssCode && <CouncilsLike council={{ ...organisation, gssCode: organisation.gssCode }} />}
    </>
  );
}
