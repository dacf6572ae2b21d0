import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, type Problem, problemsFrom } from '../components/forms.js';
import { ApiKeys } from '../components/manage/ApiKeys.js';
import { EmailDomains } from '../components/manage/EmailDomains.js';
import { JoinRequests } from '../components/manage/JoinRequests.js';
import { People } from '../components/manage/People.js';
import type { Act } from '../components/manage/types.js';
import { DecideJoinRequestDocument, ManageOrganisationDocument } from '../generated/graphql.js';
import { useSession } from '../session.js';
import { NotFoundPage } from './NotFoundPage.js';
import { QueryProblem } from './QueryProblem.js';
import { SignInNeeded } from './SignInPage.js';

/** /organisations/:slug/manage: people, requests to join, partner API keys and (platform admins) email domains. */
export function ManageOrganisationPage() {
  const { slug = '' } = useParams();
  const session = useSession();
  const [{ data, error }, reexecute] = useQuery({ query: ManageOrganisationDocument, variables: { slug }, pause: !session.member });
  const [problems, setProblems] = useState<Problem[]>([]);
  const [, decide] = useMutation(DecideJoinRequestDocument);

  if (session.loading) return <p className="govuk-body">Loading…</p>;
  if (!session.member) return <SignInNeeded action="manage your organisation" />;
  if (error) return <QueryProblem error={error} />;
  if (!data) return <p className="govuk-body">Loading…</p>;
  const organisation = data.organisation;
  if (!organisation) return <NotFoundPage />;
  const can = organisation.viewerCan;
  if (!can.manageMembers && !can.manageApiKeys && !can.manageDomains) {
    return (
      <>
        <title>{`You cannot manage ${organisation.name} – Synapse`}</title>
        <h1 className="govuk-heading-l">You cannot manage {organisation.name}</h1>
        <p className="govuk-body">Only its admins can. Ask one of them if you need a change.</p>
      </>
    );
  }

  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const act: Act = async (change, labels = {}) => {
    const result = await change;
    setProblems(problemsFrom(result.error, labels));
    if (!result.error) refresh();
    return !result.error;
  };

  return (
    <>
      <title>{`Manage ${organisation.name} – Synapse`}</title>
      <ErrorSummary problems={problems} />
      <span className="govuk-caption-l">
        <Link className="govuk-link govuk-link--muted" to={`/organisations/${organisation.slug}`}>
          {organisation.officialName}
        </Link>
      </span>
      <h1 className="govuk-heading-l">Manage {organisation.name}</h1>
      {can.manageMembers && (
        <>
          <JoinRequests organisation={organisation} act={act} decide={decide} />
          <People organisation={organisation} act={act} viewerId={session.member.id} />
        </>
      )}
      {can.manageApiKeys && <ApiKeys organisation={organisation} act={act} problems={problems} setProblems={setProblems} refresh={refresh} />}
      {can.manageDomains && <EmailDomains organisation={organisation} act={act} problems={problems} />}
    </>
  );
}
