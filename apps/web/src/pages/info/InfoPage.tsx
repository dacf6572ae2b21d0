import type { ReactNode } from 'react';

/** A page of plain information (accessibility, privacy, cookies, contact, developers): a title and prose. */
export function InfoPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <title>{`${title} – Synapse`}</title>
        <h1 className="govuk-heading-l">{title}</h1>
        {children}
      </div>
    </div>
  );
}
