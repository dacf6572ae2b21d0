import { Link } from 'react-router';

const LINKS: Array<[string, string]> = [
  ['/accessibility', 'Accessibility statement'],
  ['/privacy', 'Privacy'],
  ['/cookies', 'Cookies'],
  ['/contact', 'Contact'],
  ['/developers', 'API for developers'],
];

/** The GOV.UK footer: support links, then open data and the credits for the data Synapse shows. */
export function SiteFooter() {
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              {LINKS.map(([to, text]) => (
                <li className="govuk-footer__inline-list-item" key={to}>
                  <Link className="govuk-footer__link" to={to}>
                    {text}
                  </Link>
                </li>
              ))}
            </ul>
            <p className="govuk-body-s">
              Open data: <a className="govuk-footer__link" href="/export/experiments.json">experiments as JSON</a>,{' '}
              <a className="govuk-footer__link" href="/export/experiments.csv">CSV</a>,{' '}
              <a className="govuk-footer__link" href="/feeds/experiments.atom">Atom feed</a>. Council figures: data from mySociety (CC BY 4.0);
              hex maps from Open Innovations (MIT).
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
