import { CONVERSATION_LIMITS } from '@synapse/domain';
import { useState } from 'react';
import { useMutation } from 'urql';
import { type InterestLevel, SetInterestDocument } from '../../generated/graphql.js';
import { Button, ErrorSummary, messageFor, problemsFrom, Radios, TextArea } from '../forms.js';
import { INTEREST_OPTIONS } from './InterestSummary.js';

/** "We're trying this too": records (or changes, or removes) the member's council's interest. */
export function InterestForm({ experimentId, organisationName, mine }: { experimentId: string; organisationName: string; mine: { level: InterestLevel; note?: string | null } | null }) {
  const [level, setLevel] = useState<string>(mine?.level ?? '');
  const [note, setNote] = useState(mine?.note ?? '');
  const [saved, setSaved] = useState(false);
  const [state, setInterest] = useMutation(SetInterestDocument);
  const problems = problemsFrom(state.error, { level: 'Level', note: 'Your note' });
  const save = async (chosen: string | null) => {
    setSaved(false);
    const result = await setInterest({ input: { experimentId, level: (chosen || null) as InterestLevel | null, note: chosen ? note || null : null } });
    if (!result.error) setSaved(true);
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save(level);
      }}
    >
      <ErrorSummary problems={problems} />
      {saved && (
        <p className="govuk-body" role="status">
          Saved. The team can see {organisationName}’s interest.
        </p>
      )}
      <Radios id="level" legend={`How far has ${organisationName} got?`} options={INTEREST_OPTIONS} value={level} onChange={setLevel} error={messageFor(problems, 'level')} />
      <TextArea
        id="note"
        label="Anything the team should know (optional)"
        hint={`For example, when you plan to start. The team behind the experiment can read this. At most ${CONVERSATION_LIMITS.interestNoteMax} characters.`}
        value={note}
        onChange={setNote}
        rows={3}
        error={messageFor(problems, 'note')}
      />
      <div className="govuk-button-group">
        <Button disabled={state.fetching || !level}>Save</Button>
        {mine && (
          <Button type="button" secondary disabled={state.fetching} onClick={() => void save(null)}>
            Remove our interest
          </Button>
        )}
      </div>
    </form>
  );
}
