import { CONVERSATION_LIMITS } from '@synapse/domain';
import { useState } from 'react';
import { useMutation } from 'urql';
import { ReplyToDiscussionDocument } from '../../generated/graphql.js';
import { Checks } from '../checks.js';
import { Button, ErrorSummary, messageFor, type Problem, problemsFrom, TextArea } from '../forms.js';
import { CitationPicker } from './CitationPicker.js';

export const MARKDOWN_HINT = 'You can use Markdown: **bold**, *italic*, [a link](https://…), lists. No images or HTML. Everyone can read what you write.';

/** Reply to a discussion, optionally citing published experiments as evidence. */
export function ReplyForm({ discussionId, onReplied }: { discussionId: string; onReplied: () => void }) {
  const [body, setBody] = useState('');
  const [citations, setCitations] = useState<{ id: string; title: string }[]>([]);
  const [state, reply] = useMutation(ReplyToDiscussionDocument);
  const [found, setFound] = useState<Problem[]>([]);
  const problems = found.length > 0 ? found : problemsFrom(state.error, { body: 'Your reply' });
  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const check = new Checks();
        check.text('body', body, 'Your reply', { required: 'Enter your reply', max: CONVERSATION_LIMITS.postBodyMax });
        setFound(check.problems);
        if (check.problems.length > 0) return;
        const result = await reply({ input: { discussionId, body, citations: citations.map((c) => c.id) } });
        if (!result.error) {
          setBody('');
          setCitations([]);
          onReplied();
        }
      }}
    >
      <h2 className="govuk-heading-m">Reply</h2>
      <ErrorSummary problems={problems} />
      <TextArea id="body" label="Your reply" hint={`${MARKDOWN_HINT} At most ${CONVERSATION_LIMITS.postBodyMax.toLocaleString('en-GB')} characters.`} value={body} onChange={setBody} rows={6} error={messageFor(problems, 'body')} />
      <CitationPicker chosen={citations} onChange={setCitations} error={messageFor(problems, 'citations.0')} />
      <Button disabled={state.fetching}>Post reply</Button>
    </form>
  );
}
