/** A paragraph of an editor's own words; line breaks are kept by the synapse-prose style. */
export function Prose({ children }: { children: string }) {
  return <p className="govuk-body synapse-prose">{children}</p>;
}
