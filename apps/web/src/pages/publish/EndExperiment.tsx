import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { LIMITS } from '@synapse/domain';
import { CharacterCount } from '../../components/CharacterCount.js';
import { Checks } from '../../components/checks.js';
import { Button, ErrorSummary, messageFor, type Problem, problemsFrom } from '../../components/forms.js';
import { DeleteDraftExperimentDocument, WithdrawExperimentDocument } from '../../generated/graphql.js';
import { useEdit } from './edit-context.js';

/** /experiments/:slug/edit/withdraw: a published experiment is withdrawn, not deleted; readers see why. */
export function WithdrawExperiment() {
  const { experiment } = useEdit();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<Problem[]>([]);
  const [{ fetching, error }, withdraw] = useMutation(WithdrawExperimentDocument);
  const problems = missing.length > 0 ? missing : problemsFrom(error, { reason: 'Why you are withdrawing it' });

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    // Checked here as the API does, so a too-short reason is said at once rather than a round later.
    const check = new Checks();
    check.text('reason', reason, 'Why you are withdrawing it', { required: 'Enter why you are withdrawing this experiment', min: LIMITS.withdrawalReasonMin, max: LIMITS.summaryMax });
    setMissing(check.problems);
    if (check.problems.length > 0) return;
    const result = await withdraw({ input: { id: experiment.id, version: experiment.version, reason } });
    if (result.data) navigate(`/experiments/${experiment.slug}`, { state: { withdrawn: true } });
  }

  return (
    <form onSubmit={submit} noValidate>
      <title>{`Withdraw ${experiment.title} – Synapse`}</title>
      <ErrorSummary problems={problems} />
      <span className="govuk-caption-l">{experiment.title}</span>
      <h1 className="govuk-heading-l">Withdraw this experiment</h1>
      <p className="govuk-body">
        Withdraw it if it is wrong or out of date and you cannot correct it. The page stays at its address, so links and other councils’
        adaptations keep working, but it says at the top that {experiment.leadOrganisation.name} withdrew it, when, and why. It stops counting
        as a place that tried the idea.
      </p>
      <p className="govuk-body">
        To correct a figure instead,{' '}
        <Link className="govuk-link" to={`/experiments/${experiment.slug}/edit/outcomes`}>
          change the outcome
        </Link>
        .
      </p>
      <CharacterCount
        limit={LIMITS.summaryMax}
        id="reason"
        label="Why are you withdrawing it?"
        hint="Readers will see this. For example: “The pilot’s figures counted repeat callers twice; corrected figures will follow.”"
        value={reason}
        error={messageFor(problems, 'reason')}
        onChange={setReason}
        rows={3}
      />
      <div className="govuk-button-group">
        <Button warning disabled={fetching}>
          Withdraw experiment
        </Button>
        <Link className="govuk-link" to={`/experiments/${experiment.slug}/edit`}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

/** /experiments/:slug/edit/delete: asks once, then deletes a draft that was never published. */
export function DeleteDraft() {
  const { experiment } = useEdit();
  const navigate = useNavigate();
  const [{ fetching, error }, remove] = useMutation(DeleteDraftExperimentDocument);
  const problems = problemsFrom(error);
  return (
    <>
      <title>{`Delete ${experiment.title} – Synapse`}</title>
      <ErrorSummary problems={problems} />
      <span className="govuk-caption-l">{experiment.title}</span>
      <h1 className="govuk-heading-l">Are you sure you want to delete this draft?</h1>
      <p className="govuk-body">Everything in it will be deleted, including its outcomes and reusable things. You cannot undo this.</p>
      <div className="govuk-button-group">
        <Button
          warning
          type="button"
          disabled={fetching}
          onClick={async () => {
            const result = await remove({ id: experiment.id, version: experiment.version });
            if (result.data) navigate('/account', { state: { deleted: experiment.title } });
          }}
        >
          Delete draft
        </Button>
        <Link className="govuk-link" to={`/experiments/${experiment.slug}/edit`}>
          Cancel
        </Link>
      </div>
    </>
  );
}

/** The foot of the task list: the way out for published work (withdraw) and for drafts (delete). */
export function EndLinks() {
  const { experiment } = useEdit();
  if (experiment.viewerCan.withdraw) {
    return (
      <p className="govuk-body govuk-!-margin-top-6">
        <Link className="govuk-link" to="withdraw">
          Withdraw this experiment
        </Link>
      </p>
    );
  }
  if (experiment.viewerCan.deleteDraft) {
    return (
      <p className="govuk-body govuk-!-margin-top-6">
        <Link className="govuk-link" to="delete">
          Delete this draft
        </Link>
      </p>
    );
  }
  return null;
}
