import { LICENCES } from '../../labels.js';
import { useOrigin } from '../../render-context.js';
import type { Experiment } from './types.js';

/** schema.org Project markup, so search engines and partners can read the page. */
export function ExperimentJsonLd({ experiment }: { experiment: Experiment }) {
  const origin = useOrigin();
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Project',
    name: experiment.title,
    description: experiment.summary,
    url: `${origin}/experiments/${experiment.slug}`,
    sponsor: { '@type': 'GovernmentOrganization', name: experiment.leadOrganisation.name },
    areaServed: experiment.places.map((place) => ({ '@type': 'AdministrativeArea', name: place.name })),
    ...(experiment.startDate && { startDate: experiment.startDate }),
    ...(experiment.endDate && { endDate: experiment.endDate }),
    ...(experiment.publishedAt && { datePublished: experiment.publishedAt }),
    license: LICENCES[experiment.licence],
  };
  // JSON.stringify output cannot close the script element once "<" is escaped.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replaceAll('<', '\\u003c') }} />;
}
