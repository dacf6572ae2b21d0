import { useMutation, useQuery } from 'urql';
import { ReminderSettingsDocument, SetReminderSettingsDocument } from '../../generated/graphql.js';
import { Button } from '../forms.js';

/** In the account page: reminders about reviews due and results overdue, on or off. */
export function ReminderSettingsForm() {
  const [{ data }, refetch] = useQuery({ query: ReminderSettingsDocument });
  const [{ fetching }, save] = useMutation(SetReminderSettingsDocument);
  const enabled = data?.reminderSettings?.enabled;
  if (enabled === undefined) return null;
  return (
    <section aria-labelledby="reminders-heading">
      <h2 className="govuk-heading-m" id="reminders-heading">Reminders</h2>
      <p className="govuk-body">
        {enabled
          ? 'You are reminded, in your notifications and email digest, when your organisation’s experiments are due for review or their results are overdue.'
          : 'You get no reminders about reviews due or results overdue.'}
      </p>
      <Button
        type="button"
        secondary
        disabled={fetching}
        onClick={async () => {
          await save({ enabled: !enabled });
          refetch({ requestPolicy: 'network-only' });
        }}
      >
        {enabled ? 'Switch reminders off' : 'Switch reminders on'}
      </Button>
    </section>
  );
}
