import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { Button, ErrorSummary, messageFor, type Problem, problemsFrom, TextInput } from '../components/forms.js';
import { RequestSignInDocument } from '../generated/graphql.js';
import { useSession } from '../session.js';
import { CheckYourEmail } from './CheckYourEmail.js';

/** The sign-in page's address, remembering the page to come back to. */
export function signInFrom(path: string): string {
  return `/sign-in?returnTo=${encodeURIComponent(path)}`;
}

/** Shown in place of a page that needs a signed-in person. */
export function SignInNeeded({ action }: { action: string }) {
  const location = useLocation();
  return (
    <>
      <h1 className="govuk-heading-l">Sign in to {action}</h1>
      <p className="govuk-body">
        Anyone can read and search Synapse. To {action}, sign in with your work email address.
      </p>
      <Link className="govuk-button" to={signInFrom(location.pathname + location.search)}>
        Sign in
      </Link>
    </>
  );
}

/** /sign-in: a link by email (no passwords), or the council's single sign-on when it is set up. */
export function SignInPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const returnTo = params.get('returnTo');
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [missing, setMissing] = useState<Problem[]>([]);
  const [{ fetching, error }, requestSignIn] = useMutation(RequestSignInDocument);
  const problems = missing.length > 0 ? missing : problemsFrom(error, { email: 'Email address' });
  const mailbox = session.signInMethods?.developmentMailbox;
  const sso = session.signInMethods?.sso;

  if (session.member) {
    return (
      <>
        <h1 className="govuk-heading-l">You are signed in</h1>
        <p className="govuk-body">
          You are signed in as {session.member.name}.{' '}
          <Link className="govuk-link" to="/account">
            Go to your account
          </Link>
        </p>
      </>
    );
  }

  if (sentTo) return <CheckYourEmail sentTo={sentTo} mailbox={mailbox} onDifferentAddress={() => setSentTo(null)} />;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setMissing([{ field: 'email', message: 'Enter an email address in the correct format, like name@council.gov.uk' }]);
      return;
    }
    setMissing([]);
    const result = await requestSignIn({ email: email.trim(), returnTo });
    if (result.data?.requestSignIn) setSentTo(email.trim());
  }

  return (
    <>
      <title>Sign in – Synapse</title>
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">Sign in</h1>
      {sso && (
        <>
          <a className="govuk-button" href={sso.startUrl}>
            Sign in with {sso.label}
          </a>
          <p className="govuk-body">Or get a sign-in link by email:</p>
        </>
      )}
      <form onSubmit={submit} noValidate>
        <TextInput
          id="email"
          label="Work email address"
          hint="We will email you a link to sign in. People at councils on Synapse join their council automatically."
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={email}
          error={messageFor(problems, 'email')}
          onChange={setEmail}
        />
        <Button disabled={fetching}>Send me a sign-in link</Button>
      </form>
    </>
  );
}
