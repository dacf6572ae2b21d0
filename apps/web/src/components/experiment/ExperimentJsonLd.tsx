import { LICENCE_URLS } from '@synapse/domain';
import { LICENCES } from '../../labels.js';
import { useOrigin } from '../../render-context.js';
import type { Experiment } from './types.js';

type Artefact = Experiment['artefacts'][number];

/** A licence as schema.org wants it: the address of its text, or its name when it has none ("all rights reserved"). */
function licence(code: Experiment['licence']): string {
  return LICENCE_URLS[code] ?? LICENCES[code];
}

/** Artefacts by kind: data sets and code have their own schema.org types; documents are creative works. */
function artefactPart(artefact: Artefact) {
  const type = artefact.type === 'DATA_SET' ? 'Dataset' : artefact.type === 'CODE_REPOSITORY' ? 'SoftwareSourceCode' : 'CreativeWork';
  return {
    '@type': type,
    name: artefact.title,
    ...(artefact.description && { description: artefact.description }),
    url: artefact.url,
    ...(type === 'SoftwareSourceCode' && { codeRepository: artefact.url }),
    ...(artefact.format && { encodingFormat: artefact.format }),
    license: licence(artefact.licence),
  };
}

/**
 * schema.org Project markup, so search engines and partners can read the page: the lead council with its GSS
 * code, funders, the licence as a URL, and the reusable artefacts as parts with their own licences. Absolute
 * addresses come from useOrigin(), so the server renders the same markup the browser would.
 */
export function ExperimentJsonLd({ experiment }: { experiment: Experiment }) {
  const origin = useOrigin();
  const lead = experiment.leadOrganisation;
  const funders = experiment.partners.filter((partner) => partner.role === 'FUNDER');
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Project',
    name: experiment.title,
    description: experiment.summary,
    url: `${origin}/experiments/${experiment.slug}`,
    sponsor: {
      '@type': 'GovernmentOrganization',
      name: lead.name,
      url: `${origin}/organisations/${lead.slug}`,
      ...(lead.gssCode && { identifier: { '@type': 'PropertyValue', propertyID: 'GSS', value: lead.gssCode } }),
    },
    ...(funders.length > 0 && {
      funder: funders.map((partner) => ({
        '@type': 'Organization',
        name: partner.name,
        ...(partner.organisation && { url: `${origin}/organisations/${partner.organisation.slug}` }),
      })),
    }),
    ...(experiment.fundingSource && { funding: { '@type': 'Grant', name: experiment.fundingSource } }),
    areaServed: experiment.places.map((place) => ({
      '@type': 'AdministrativeArea',
      name: place.name,
      ...(place.gssCode && { identifier: { '@type': 'PropertyValue', propertyID: 'GSS', value: place.gssCode } }),
    })),
    ...(experiment.startDate && { startDate: experiment.startDate }),
    ...(experiment.endDate && { endDate: experiment.endDate }),
    ...(experiment.publishedAt && { datePublished: experiment.publishedAt }),
    dateModified: experiment.updatedAt,
    license: licence(experiment.licence),
    ...(experiment.artefacts.length > 0 && { hasPart: experiment.artefacts.map(artefactPart) }),
  };
  // JSON.stringify output cannot close the script element once "<" is escaped.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replaceAll('<', '\\u003c') }} />;
}
