import { useQuery } from 'urql';
import { MovedTo } from '../components/MovedTo.js';
import { ExperimentAddressDocument, OrganisationAddressDocument } from '../generated/graphql.js';
import { NotFoundPage } from './NotFoundPage.js';
import { QueryProblem } from './QueryProblem.js';

/** An experiment's id (as the API and its webhooks give it) in place of its slug. */
export const EXPERIMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A council's GSS code (E08000010) in place of its slug. */
export const GSS_CODE = /^[EWSN]\d{8}$/;

/** /experiments/<id> moves for good to /experiments/<slug>, the address people read and share. */
export function ExperimentById({ id }: { id: string }) {
  const [{ data, error, fetching }] = useQuery({ query: ExperimentAddressDocument, variables: { id } });
  if (error) return <QueryProblem error={error} />;
  if (fetching && !data) return <p className="govuk-body">Loading…</p>;
  return data?.experiment ? <MovedTo to={`/experiments/${data.experiment.slug}`} /> : <NotFoundPage />;
}

/** /organisations/<GSS code> moves for good to /organisations/<slug>. */
export function OrganisationByGssCode({ gssCode }: { gssCode: string }) {
  const [{ data, error, fetching }] = useQuery({ query: OrganisationAddressDocument, variables: { gssCode } });
  if (error) return <QueryProblem error={error} />;
  if (fetching && !data) return <p className="govuk-body">Loading…</p>;
  return data?.organisation ? <MovedTo to={`/organisations/${data.organisation.slug}`} /> : <NotFoundPage />;
}
