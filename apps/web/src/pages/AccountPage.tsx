import { Link } from 'react-router';
import { useQuery } from 'urql';
import { AccountDrafts } from '../components/account/AccountDrafts.js';
import { AccountFollows } from '../components/account/AccountFollows.js';
import { AccountSavedSearches } from '../components/account/AccountSavedSearches.js';
import { DataAndSignOut } from '../components/account/DataAndSignOut.js';
import { DigestPreference } from '../components/account/DigestPreference.js';
import { JoinOrganisation } from '../components/account/JoinOrganisation.js';
import { ProfileDetails } from '../components/account/ProfileDetails.js';
import { ReminderSettingsForm } from '../components/freshness/ReminderSettingsForm.js';
import { AccountDocument } from '../generated/graphql.js';
import { useSession } from '../session.js';
import { SignInNeeded } from './SignInPage.js';

/** /account: who you are, your drafts, what you follow, how you hear about it, and signing out. */
export function AccountPage() {
  const session = useSession();
  const member = session.member;
  // Following or unfollowing marks myFollows stale in the cache (urql.ts), which fetches this again.
  const [{ data }] = useQuery({
    query: AccountDocument,
    variables: { drafts: member?.organisation?.gssCode ? [member.organisation.gssCode] : [], hasOrganisation: Boolean(member?.organisation?.gssCode) },
    pause: !member,
  });

  if (session.loading) return <p className="govuk-body">Loading…</p>;
  if (!member) return <SignInNeeded action="see your account" />;
  const isAdmin = member.role === 'ADMIN' || member.platformAdmin;

  return (
    <>
      <title>Your account – Synapse</title>
      <h1 className="govuk-heading-l">Your account</h1>
      <ProfileDetails member={member} />
      {member.organisation && isAdmin && (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/organisations/${member.organisation.slug}/manage`}>
            Manage {member.organisation.name}: people, requests to join and API keys
          </Link>
        </p>
      )}
      {!member.organisation && <JoinOrganisation />}
      {member.organisation && <AccountDrafts drafts={data?.experiments?.nodes} canPublish={session.canPublish} />}
      <AccountFollows follows={data?.myFollows} />
      <AccountSavedSearches />
      <DigestPreference current={member.digest ?? 'WEEKLY'} />
      <ReminderSettingsForm />
      <DataAndSignOut />
    </>
  );
}
