import { Link } from 'react-router';
import type { PostFieldsFragment } from '../../generated/graphql.js';
import { formatDate, VERDICTS } from '../../labels.js';
import { PostActions } from './PostActions.js';

function Citation({ experiment }: { experiment: PostFieldsFragment['citations'][number] }) {
  const latest = experiment.outcomes.at(-1);
  return (
    <div className="synapse-citation">
      <Link className="govuk-link govuk-!-font-weight-bold" to={`/experiments/${experiment.slug}`}>
        {experiment.title}
      </Link>
      <span className="govuk-body-s govuk-!-display-block">
        {experiment.leadOrganisation.name}
        {latest && (
          <>
            {' '}
            <strong className={`govuk-tag ${VERDICTS[latest.verdict].tag}`}>{VERDICTS[latest.verdict].label}</strong> evidence level {latest.evidenceLevel}
          </>
        )}
      </span>
    </div>
  );
}

/**
 * One post. Its HTML was rendered and sanitised by the API (markdown-it without raw HTML, then an allow-list
 * sanitiser), so it is inserted as it is; dir="auto" shows right-to-left writing the right way round.
 */
export function PostView({ post, discussionId, onChanged }: { post: PostFieldsFragment; discussionId: string; onChanged: () => void }) {
  const classes = ['synapse-post', post.fromTeam && 'synapse-post--team', post.isAnswer && 'synapse-post--answer', post.hidden && 'synapse-post--hidden'].filter(Boolean).join(' ');
  return (
    <article className={classes} id={`post-${post.id}`} aria-labelledby={`post-${post.id}-by`}>
      <p className="govuk-body-s govuk-!-margin-bottom-2" id={`post-${post.id}-by`}>
        {post.author ? <strong><bdi>{post.author.name}</bdi></strong> : <strong>Deleted post</strong>}
        {post.author?.jobTitle && <>, <bdi>{post.author.jobTitle}</bdi></>}
        {post.fromTeam && <> <strong className="govuk-tag govuk-tag--blue">Team</strong></>}
        {post.isAnswer && <> <strong className="govuk-tag govuk-tag--green">Answer</strong></>}
        {post.hidden && <> <strong className="govuk-tag govuk-tag--red">Hidden</strong></>}
        <span className="govuk-!-display-block synapse-secondary-text">
          {post.opening ? 'Asked' : 'Replied'} {formatDate(post.createdAt)}
          {post.editedAt && ` (edited ${formatDate(post.editedAt)})`}
        </span>
      </p>
      {post.deletedAt ? (
        <p className="govuk-body synapse-secondary-text">This post was deleted by its author.</p>
      ) : (
        <div className="govuk-body synapse-post__body" dir="auto" dangerouslySetInnerHTML={{ __html: post.bodyHtml ?? '' }} />
      )}
      {post.citations.length > 0 && (
        <>
          <h3 className="govuk-heading-s govuk-!-margin-bottom-2">Evidence cited</h3>
          {post.citations.map((experiment) => (
            <Citation key={experiment.id} experiment={experiment} />
          ))}
        </>
      )}
      {post.hidden && post.moderationReason && <p className="govuk-body-s">Hidden by a moderator: <bdi>{post.moderationReason}</bdi></p>}
      {post.revisions && post.revisions.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Earlier versions ({post.revisions.length})</span>
          </summary>
          <div className="govuk-details__text">
            {post.revisions.map((revision) => (
              <div key={revision.id}>
                <p className="govuk-body-s">Replaced {formatDate(revision.replacedAt)}</p>
                <pre className="govuk-body synapse-prose" dir="auto">{revision.body}</pre>
              </div>
            ))}
          </div>
        </details>
      )}
      <PostActions post={post} discussionId={discussionId} onChanged={onChanged} />
    </article>
  );
}
