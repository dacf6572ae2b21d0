import { useClient, useMutation } from 'urql';
import { Button } from '../forms.js';
import { MyPersonalDataDocument, SignOutDocument, SignOutEverywhereDocument } from '../../generated/graphql.js';
import { reloadSignedOut } from '../../session.js';

/** Download your data; sign out here or everywhere. */
export function DataAndSignOut() {
  const client = useClient();
  const [, signOut] = useMutation(SignOutDocument);
  const [, signOutEverywhere] = useMutation(SignOutEverywhereDocument);
  return (
    <>
      <h2 className="govuk-heading-m">Your data and signing out</h2>
      <p className="govuk-body">
        <button
          type="button"
          className="govuk-link synapse-link-button"
          onClick={async () => {
            const result = await client.query(MyPersonalDataDocument, {}, { requestPolicy: 'network-only' }).toPromise();
            if (!result.data) return;
            const file = new Blob([JSON.stringify(result.data.myPersonalData, null, 2)], { type: 'application/json' });
            const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(file), download: 'synapse-my-data.json' });
            link.click();
            URL.revokeObjectURL(link.href);
          }}
        >
          Download everything Synapse holds about you (JSON)
        </button>
      </p>
      <div className="govuk-button-group">
        <Button
          type="button"
          onClick={async () => {
            await signOut({});
            reloadSignedOut();
          }}
        >
          Sign out
        </Button>
        <Button
          type="button"
          secondary
          onClick={async () => {
            await signOutEverywhere({});
            reloadSignedOut();
          }}
        >
          Sign out on every device
        </Button>
      </div>
    </>
  );
}
