import { useEffect, useState } from 'react';
import { useOrigin } from '../../render-context.js';
import type { Experiment } from './types.js';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Sharing an experiment: a one-page PDF summary (a plain link, so it works without JavaScript) and "Copy link".
 * The copy button needs the clipboard, so it appears only once the page runs in a browser that has one: the
 * server-rendered page never shows a button that cannot work.
 */
export function ShareActions({ experiment }: { experiment: Pick<Experiment, 'slug' | 'withdrawnAt'> }) {
  const origin = useOrigin();
  const [canCopy, setCanCopy] = useState(false);
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => setCanCopy(typeof navigator !== 'undefined' && Boolean(navigator.clipboard)), []);
  // A withdrawn experiment answers 410: nothing to share.
  if (experiment.withdrawnAt) return null;
  const path = `/experiments/${encodeURIComponent(experiment.slug)}`;
  const url = `${origin}${path}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <div className="synapse-share govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-s">Share this experiment</h2>
      <p className="govuk-body">
        <a className="govuk-link" href={`${path}/summary.pdf`} type="application/pdf" download>
          Download a one-page summary (PDF)
        </a>
      </p>
      {canCopy && (
        <>
          <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" data-module="govuk-button" onClick={copy}>
            Copy link
          </button>
          <p className="govuk-body-s" role="status">
            {state === 'copied' && 'Link copied'}
            {state === 'failed' && `Your browser did not allow copying. The link is ${url}`}
          </p>
        </>
      )}
    </div>
  );
}
