import { Link } from 'react-router';

/** The register page once measures are registered: a registration cannot be changed. */
export function AlreadyRegistered({ experiment }: { experiment: { slug: string; title: string } }) {
  return (
    <>
      <title>{`Measures registered – ${experiment.title} – Synapse`}</title>
      <h1 className="govuk-heading-l">Measures already registered</h1>
      <p className="govuk-body">A registration cannot be changed. Report against it by adding an outcome that uses the same measure names.</p>
      <Link className="govuk-link" to={`/experiments/${experiment.slug}`}>Back to {experiment.title}</Link>
    </>
  );
}
