import { useState } from 'react';
import { useMutation } from 'urql';
import { Banner, Button, ErrorSummary, problemsFrom, Radios } from '../forms.js';
import { type DigestFrequency, SetDigestDocument } from '../../generated/graphql.js';

/** How often unread notifications are emailed. */
export function DigestPreference({ current }: { current: string }) {
  const [digestState, setDigest] = useMutation(SetDigestDocument);
  const [digest, setDigestChoice] = useState<string>(current);
  const [saved, setSaved] = useState(false);
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await setDigest({ frequency: digest as DigestFrequency });
        setSaved(!result.error);
      }}
    >
      {saved && (
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
  );
}
