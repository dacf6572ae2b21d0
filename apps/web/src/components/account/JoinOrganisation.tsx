import { useState } from 'react';
import { useMutation } from 'urql';
import { Banner, Button, ErrorSummary, messageFor, type Problem, problemsFrom, TextArea } from '../forms.js';
import { type OrganisationOption, OrganisationPicker } from '../OrganisationPicker.js';
import { RequestToJoinDocument } from '../../generated/graphql.js';

/** For someone whose email domain is not linked to an organisation: ask one to let them in. */
export function JoinOrganisation() {
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
