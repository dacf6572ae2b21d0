import { ReminderSettingsForm } from '../components/freshness/ReminderSettingsForm.js';
import { useState } from 'react';
import { Link } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { Banner, Button, ErrorSummary, messageFor, type Problem, problemsFrom, Radios, TextArea } from '../components/forms.js';
import { type OrganisationOption, OrganisationPicker } from '../components/OrganisationPicker.js';
import {
  AccountDocument,
  type DigestFrequency,
  FollowedExperimentDocument,
  MyPersonalDataDocument,
  RequestToJoinDocument,
  SetDigestDocument,
  SignOutDocument,
  SignOutEverywhereDocument,
  UnfollowDocument,
} from '../generated/graphql.js';
import { sentenceCase } from '../labels.js';
import { reloadSignedOut, useSession } from '../session.js';
import { SignInNeeded } from './SignInPage.js';

function FollowedExperiment({ id }: { id: string }) {
  const [{ data }] = useQuery({ query: FollowedExperimentDocument, variables: { id } });
  if (!data?.experiment) return <>An experiment that is no longer public</>;
  return (
    <>
      <Link className="govuk-link" to={`/experiments/${data.experiment.slug}`}>
        {data.experiment.title}
      </Link>{' '}
      ({data.experiment.leadOrganisation.name})
    </>
  );
}

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
  const client = useClient();
  const [digestState, setDigest] = useMutation(SetDigestDocument);
  const [, unfollow] = useMutation(UnfollowDocument);
  const [, signOut] = useMutation(SignOutDocument);
  const [, signOutEverywhere] = useMutation(SignOutEverywhereDocument);
  const [digest, setDigestChoice] = useState<string>(member?.digest ?? 'WEEKLY');
  const [digestSaved, setDigestSaved] = useState(false);

  if (session.loading) return <p className="govuk-body">Loading…</p>;
  if (!member) return <SignInNeeded action="see your account" />;
  const isAdmin = member.role === 'ADMIN' || member.platformAdmin;

  return (
    <>
      <title>Your account – Synapse</title>
      <h1 className="govuk-heading-l">Your account</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Name</dt>
          <dd className="govuk-summary-list__value">{member.name}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Email address</dt>
          <dd className="govuk-summary-list__value">{member.email}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Organisation</dt>
          <dd className="govuk-summary-list__value">
            {member.organisation ? (
              <>
                <Link className="govuk-link" to={`/organisations/${member.organisation.slug}`}>
                  {member.organisation.name}
                </Link>{' '}
                ({sentenceCase(member.role)})
              </>
            ) : (
              'None yet'
            )}
          </dd>
        </div>
      </dl>
      {member.organisation && isAdmin && (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/organisations/${member.organisation.slug}/manage`}>
            Manage {member.organisation.name}: people, requests to join and API keys
          </Link>
        </p>
      )}
      {!member.organisation && <JoinOrganisation />}

      {member.organisation && (
        <>
          <h2 className="govuk-heading-m">Drafts</h2>
          {data?.experiments?.nodes.length ? (
            <ul className="govuk-list">
              {data.experiments.nodes.map((draft) => (
                <li key={draft.id}>
                  <Link className="govuk-link" to={`/experiments/${draft.slug}/edit`}>
                    {draft.title}
                  </Link>
                  {draft.forkParent && <strong className="govuk-tag govuk-tag--blue govuk-!-margin-left-2">Adapted</strong>}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">No drafts.</p>
          )}
          {session.canPublish && (
            <Link className="govuk-button govuk-button--secondary" to="/publish">
              Publish an experiment
            </Link>
          )}
        </>
      )}

      <h2 className="govuk-heading-m">What you follow</h2>
      {data?.myFollows.length ? (
        <ul className="govuk-list">
          {data.myFollows.map((follow) => (
            <li key={follow.id}>
              {follow.target === 'EXPERIMENT' ? <FollowedExperiment id={follow.targetKey} /> : `${sentenceCase(follow.target)}: ${follow.targetKey}`}{' '}
              <button
                type="button"
                className="govuk-link synapse-link-button"
                onClick={() => unfollow({ input: { target: follow.target, key: follow.targetKey } })}
              >
                Stop following<span className="govuk-visually-hidden"> this</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">Nothing yet. Follow experiments to hear when they publish results or are adapted.</p>
      )}

      <form
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await setDigest({ frequency: digest as DigestFrequency });
          setDigestSaved(!result.error);
        }}
      >
        {digestSaved && (
          <Banner success title="Email preference saved">
            <p className="govuk-body">We will email you {digest === 'NONE' ? 'nothing' : `a ${digest.toLowerCase()} summary`}.</p>
          </Banner>
        )}
        <ErrorSummary problems={problemsFrom(digestState.error)} />
        <Radios
          id="digest"
          legend="How often should we email you about notifications?"
          options={[
            { value: 'DAILY', label: 'Every day' },
            { value: 'WEEKLY', label: 'Every week' },
            { value: 'NONE', label: 'Never: I will check the notifications page' },
          ]}
          value={digest}
          onChange={setDigestChoice}
        />
        <Button secondary>Save email preference</Button>
      </form>

      <ReminderSettingsForm />
      <h2 className="govuk-heading-m">Your data and signing out</h2>
      <p className="govuk-body">
        <button
          type="button"
          className="govuk-link synapse-link-button"
          onClick={async () => {
            const result = await client.query(MyPersonalDataDocument, {}, { requestPolicy: 'network-only' }).toPromise();
            if (!result.data) return;
            const file = new Blob([JSON.stringify(result.data.myPersonalData, null, 2)], { type: 'application/json' });
            const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(file), download: 'synapse-my-data.json' });
            link.click();
            URL.revokeObjectURL(link.href);
          }}
        >
          Download everything Synapse holds about you (JSON)
        </button>
      </p>
      <div className="govuk-button-group">
        <Button
          type="button"
          onClick={async () => {
            await signOut({});
            reloadSignedOut();
          }}
        >
          Sign out
        </Button>
        <Button
          type="button"
          secondary
          onClick={async () => {
            await signOutEverywhere({});
            reloadSignedOut();
          }}
        >
          Sign out on every device
        </Button>
      </div>
    </>
  );
}

function JoinOrganisation() {
  const [text, setText] = useState('');
  const [organisation, setOrganisation] = useState<OrganisationOption | null>(null);
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState<Problem[]>([]);
  const [{ data, error, fetching }, requestToJoin] = useMutation(RequestToJoinDocument);
  const problems = missing.length > 0 ? missing : problemsFrom(error, { message: 'Message' });
  if (data) {
    return (
      <Banner success title={`Request sent to ${data.requestToJoinOrganisation.organisation.name}`}>
        <p className="govuk-body">An admin there will decide. You can read everything on Synapse in the meantime.</p>
      </Banner>
    );
  }
  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (!organisation) {
          setMissing([{ field: 'organisation', message: 'Choose your organisation from the list' }]);
          return;
        }
        setMissing([]);
        await requestToJoin({ organisationId: organisation.id, message: message.trim() || null });
      }}
    >
      <h2 className="govuk-heading-m">Join your organisation</h2>
      <p className="govuk-body">Your email domain is not yet linked to an organisation on Synapse. Ask to join yours and an admin there will decide.</p>
      <ErrorSummary problems={problems} />
      <OrganisationPicker
        id="organisation"
        label="Your organisation"
        value={text}
        error={messageFor(problems, 'organisation')}
        onChange={(typed, match) => {
          setText(typed);
          setOrganisation(match);
        }}
      />
      <TextArea id="message" label="Message for the admins (optional)" hint="Your role, and why you are joining." rows={3} value={message} onChange={setMessage} />
      <Button disabled={fetching}>Ask to join</Button>
    </form>
  );
}
