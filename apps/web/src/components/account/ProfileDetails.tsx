import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { Button, ErrorSummary, messageFor, type Problem, problemsFrom, TextInput } from '../forms.js';
import { UpdateProfileDocument, type ViewerMemberFragment } from '../../generated/graphql.js';
import { sentenceCase } from '../../labels.js';

function ProfileForm({ member, done }: { member: ViewerMemberFragment; done: () => void }) {
  const [name, setName] = useState(member.name);
  const [jobTitle, setJobTitle] = useState(member.jobTitle ?? '');
  const [missing, setMissing] = useState<Problem[]>([]);
  const [{ fetching, error }, update] = useMutation(UpdateProfileDocument);
  const problems = missing.length > 0 ? missing : problemsFrom(error, { name: 'Your name', jobTitle: 'Job title' });
  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        if (!name.trim()) {
          setMissing([{ field: 'name', message: 'Enter your name' }]);
          return;
        }
        setMissing([]);
        const result = await update({ input: { name, jobTitle: jobTitle.trim() || null } });
        if (result.data) done();
      }}
    >
      <ErrorSummary problems={problems} />
      <TextInput id="name" label="Your name" hint="As colleagues know you. Shown to people in your organisation." autoComplete="name" value={name} error={messageFor(problems, 'name')} onChange={setName} />
      <TextInput id="jobTitle" label="Job title (optional)" autoComplete="organization-title" value={jobTitle} error={messageFor(problems, 'jobTitle')} onChange={setJobTitle} />
      <div className="govuk-button-group">
        <Button disabled={fetching}>Save your details</Button>
        <button type="button" className="govuk-link synapse-link-button" onClick={done}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Who you are: name and job title (yours to change), email address and organisation. */
export function ProfileDetails({ member }: { member: ViewerMemberFragment }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <ProfileForm member={member} done={() => setEditing(false)} />;
  const change = (what: string) => (
    <dd className="govuk-summary-list__actions">
      <button type="button" className="govuk-link synapse-link-button" onClick={() => setEditing(true)}>
        Change<span className="govuk-visually-hidden"> {what}</span>
      </button>
    </dd>
  );
  return (
    <dl className="govuk-summary-list">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Name</dt>
        <dd className="govuk-summary-list__value">{member.name}</dd>
        {change('your name')}
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Job title</dt>
        <dd className="govuk-summary-list__value">{member.jobTitle || 'Not given'}</dd>
        {change('your job title')}
      </div>
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Email address</dt>
        <dd className="govuk-summary-list__value">{member.email}</dd>
        <dd className="govuk-summary-list__actions" />
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
        <dd className="govuk-summary-list__actions" />
      </div>
    </dl>
  );
}
