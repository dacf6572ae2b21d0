/** After asking for a sign-in link: where it went, and the development mailbox when there is no email server. */
export function CheckYourEmail({ sentTo, mailbox, onDifferentAddress }: { sentTo: string; mailbox: string | null | undefined; onDifferentAddress: () => void }) {
  return (
    <>
      <title>Check your email – Synapse</title>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">Check your email</h1>
        <div className="govuk-panel__body">We have sent a sign-in link to {sentTo}</div>
      </div>
      <p className="govuk-body">The link works once, for a short time. If it has not arrived in a few minutes, check your spam folder or ask again.</p>
      {mailbox && (
        <div className="govuk-inset-text">
          This is a development copy of Synapse with no email server, so emails are kept in the{' '}
          <a className="govuk-link" href={mailbox}>
            development mailbox
          </a>
          .
        </div>
      )}
      <button type="button" className="govuk-link synapse-link-button" onClick={onDifferentAddress}>
        Use a different email address
      </button>
    </>
  );
}
