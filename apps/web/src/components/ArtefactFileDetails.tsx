import type { ExperimentPageQuery } from '../generated/graphql.js';
import { formatDate } from '../labels.js';

type PageArtefact = NonNullable<ExperimentPageQuery['experiment']>['artefacts'][number];

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Under an artefact on the experiment page: its file versions with dates, a broken-link notice, and reuse. */
export function ArtefactFileDetails({ artefact }: { artefact: PageArtefact }) {
  const [latest, ...earlier] = artefact.files;
  return (
    <>
      {latest && (
        <span className="govuk-body-s govuk-!-display-block">
          {latest.downloadable ? `${latest.fileName}, ${size(latest.byteSize)}, version ${latest.number} of ${formatDate(latest.createdAt)}.` : 'This file is being checked for viruses and can be downloaded once it is clean.'}
          {latest.textStatus === 'FAILED' && ' The words inside it could not be read, so search does not find them.'}
        </span>
      )}
      {earlier.length > 0 && (
        <details className="govuk-details govuk-!-margin-bottom-1">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Earlier versions of {artefact.title}</span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {earlier.map((file) => (
                <li key={file.number}>
                  <a className="govuk-link" href={file.downloadUrl}>
                    Version {file.number}: {file.fileName}
                  </a>{' '}
                  ({formatDate(file.createdAt)})
                </li>
              ))}
            </ul>
          </div>
        </details>
      )}
      {artefact.linkCheck?.broken && (
        <div className="govuk-warning-text govuk-!-margin-bottom-1">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This link did not work when we last checked.
            {artefact.linkCheck.lastWorkedAt ? ` It last worked on ${formatDate(artefact.linkCheck.lastWorkedAt)}.` : ''}
          </strong>
        </div>
      )}
      {artefact.reusedInAdaptations > 0 && (
        <span className="govuk-body-s govuk-!-display-block">
          Reused in {artefact.reusedInAdaptations} {artefact.reusedInAdaptations === 1 ? 'adaptation' : 'adaptations'}.
        </span>
      )}
    </>
  );
}
