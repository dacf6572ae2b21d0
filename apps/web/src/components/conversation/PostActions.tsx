import { CONVERSATION_LIMITS } from '@synapse/domain';
import { useState } from 'react';
import { useMutation } from 'urql';
import { DeletePostDocument, EditPostDocument, MarkAnswerDocument, ModeratePostDocument, type PostFieldsFragment, ReportPostDocument } from '../../generated/graphql.js';
import { Button } from '../forms.js';
import { ReasonForm } from './ReasonForm.js';

/** What the viewer may do with a post, as the API says (viewerCan): mark as answer, edit, delete, report, hide or restore. */
export function PostActions({ post, onChanged }: { post: PostFieldsFragment; discussionId: string; onChanged: () => void }) {
  const [marking, markAnswer] = useMutation(MarkAnswerDocument);
  const [editing, editPost] = useMutation(EditPostDocument);
  const [deleting, deletePost] = useMutation(DeletePostDocument);
  const [reporting, reportPost] = useMutation(ReportPostDocument);
  const [moderating, moderatePost] = useMutation(ModeratePostDocument);
  const [reported, setReported] = useState(false);
  const can = post.viewerCan;
  const after = (result: { error?: unknown }) => {
    if (!result.error) onChanged();
  };
  const postLabel = `post by ${post.author?.name ?? 'a deleted author'}`;
  return (
    <div>
      <div className="govuk-button-group govuk-!-margin-bottom-2">
        {can.markAnswer && (
          <Button type="button" secondary disabled={marking.fetching} onClick={async () => after(await markAnswer({ input: { postId: post.id, answer: !post.isAnswer } }))}>
            {post.isAnswer ? 'Unmark as the answer' : 'Mark as the answer'}
            <span className="govuk-visually-hidden"> ({postLabel})</span>
          </Button>
        )}
        {can.delete && (
          <Button
            type="button"
            warning
            disabled={deleting.fetching}
            onClick={async () => {
              if (window.confirm('Delete this post? This cannot be undone.')) after(await deletePost({ id: post.id }));
            }}
          >
            Delete<span className="govuk-visually-hidden"> your {post.opening ? 'question' : 'reply'}</span>
          </Button>
        )}
      </div>
      {can.edit && (
        <ReasonForm
          id={`body-${post.id}`}
          summary="Edit"
          label="Your post"
          hint="Markdown: **bold**, *italic*, [a link](https://…), lists. Pages show that it was edited."
          submit="Save changes"
          initial={post.body ?? ''}
          busy={editing.fetching}
          error={editing.error}
          onSubmit={async (body) => after(await editPost({ input: { postId: post.id, body } }))}
        />
      )}
      {can.report && !reported && (
        <ReasonForm
          id={`reason-${post.id}`}
          summary="Report this post"
          label="What is wrong with it?"
          hint="A moderator will look at it. The author is not told who reported it."
          submit="Send report"
          busy={reporting.fetching}
          error={reporting.error}
          onSubmit={async (reason) => {
            const result = await reportPost({ input: { postId: post.id, reason } });
            if (!result.error) setReported(true);
          }}
        />
      )}
      {reported && (
        <p className="govuk-body-s" role="status">
          Thank you: a moderator will look at it.
        </p>
      )}
      {can.moderate && (
        <ReasonForm
          id={`reason-moderate-${post.id}`}
          summary={post.hidden ? 'Restore this post' : 'Hide this post'}
          label="Reason (kept in the audit log)"
          hint={`At most ${CONVERSATION_LIMITS.reasonMax} characters.`}
          submit={post.hidden ? 'Restore post' : 'Hide post'}
          busy={moderating.fetching}
          error={moderating.error}
          onSubmit={async (reason) => after(await moderatePost({ input: { postId: post.id, action: post.hidden ? 'RESTORE' : 'HIDE', reason } }))}
        />
      )}
    </div>
  );
}
