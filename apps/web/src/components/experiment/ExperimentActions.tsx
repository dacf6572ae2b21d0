import { Link } from 'react-router';
import { signInFrom } from '../../pages/SignInPage.js';
import { useSession } from '../../session.js';
import { FollowButton } from '../FollowButton.js';
import type { Experiment } from './types.js';

const isEmail = (email: string) => /^[^\s@<>"]+@[^\s@<>"]+$/.test(email);

/** What the reader can do with the experiment: edit, adapt, follow, ask. */
export function ExperimentActions({ experiment }: { experiment: Experiment }) {
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
          <Link className="govuk-link" to={signInFrom(`/experiments/${experiment.slug}`)}>
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
