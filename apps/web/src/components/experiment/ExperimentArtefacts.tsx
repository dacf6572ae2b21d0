import { ARTEFACT_TYPES } from '../../labels.js';
import { ArtefactFileDetails } from '../ArtefactFileDetails.js';
import type { Experiment } from './types.js';

/** Only links that are plainly web addresses are made into links (the API checks too). */
const isWebLink = (url: string) => /^https?:\/\//i.test(url);

/** "Things you can reuse": the experiment's artefacts with their credit, reuse warnings and file versions. */
export function ExperimentArtefacts({ experiment }: { experiment: Experiment }) {
  if (experiment.artefacts.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Things you can reuse</h2>
      <ul className="govuk-list">
        {experiment.artefacts.map((artefact) => (
          <li key={artefact.id} className="govuk-!-margin-bottom-4">
            {isWebLink(artefact.url) ? (
              <a className="govuk-link govuk-!-font-weight-bold" href={artefact.url} rel="noopener noreferrer nofollow">
                {artefact.title}
              </a>
            ) : (
              <strong>{artefact.title}</strong>
            )}{' '}
            <strong className="govuk-tag govuk-tag--grey">{ARTEFACT_TYPES[artefact.type]}</strong>
            {artefact.description && <span className="govuk-!-display-block">{artefact.description}</span>}
            <span className="govuk-body-s govuk-!-display-block">
              {artefact.format && `${artefact.format}. `}Credit: {artefact.attribution}
              {artefact.isReference && ' (carried over from the original experiment)'}
            </span>
            {artefact.reuseWarning && (
              <span className="govuk-body-s govuk-!-display-block">
                <strong>{artefact.reuseWarning}</strong>
              </span>
            )}
            <ArtefactFileDetails artefact={artefact} />
          </li>
        ))}
      </ul>
    </>
  );
}
