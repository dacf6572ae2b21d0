/** A GOV.UK summary list of facts; those with no value are left out. */
export function Facts({ facts, className = '' }: { facts: Array<[string, string | null | undefined]>; className?: string }) {
  return (
    <dl className={`govuk-summary-list ${className}`.trim()}>
      {facts
        .filter(([, value]) => value)
        .map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
