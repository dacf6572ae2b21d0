import { useEffect, useRef } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router';
import { ExperimentPage } from './pages/ExperimentPage.js';
import { HomePage } from './pages/HomePage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { OrganisationPage } from './pages/OrganisationPage.js';
import { SearchPage } from './pages/SearchPage.js';

export function App() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // On a route change, move focus to the new page's content so screen reader users hear it (not on first load).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-header" data-module="govuk-header">
        <div className="govuk-header__container govuk-width-container">
          <div className="govuk-header__logo">
            <Link to="/" className="govuk-header__link govuk-header__link--homepage">
              <span className="govuk-header__logotype-text">Synapse</span>
            </Link>
          </div>
        </div>
      </header>
      <section className="govuk-service-navigation" aria-label="Service information">
        <div className="govuk-width-container">
          <div className="govuk-service-navigation__container">
            <span className="govuk-service-navigation__service-name">
              <Link to="/" className="govuk-service-navigation__link">
                What councils tried, and what happened
              </Link>
            </span>
            <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
              <ul className="govuk-service-navigation__list">
                <li className="govuk-service-navigation__item">
                  <Link className="govuk-service-navigation__link" to="/search">
                    Search experiments
                  </Link>
                </li>
                <li className="govuk-service-navigation__item">
                  <a className="govuk-service-navigation__link" href="/graphql">
                    API
                  </a>
                </li>
              </ul>
            </nav>
          </div>
        </div>
      </section>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1} ref={main}>
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/search" element={<SearchPage />} />
            <Route path="/experiments/:slug" element={<ExperimentPage />} />
            <Route path="/organisations/:slug" element={<OrganisationPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <div className="govuk-footer__meta">
            <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
              <p className="govuk-body-s">
                Open data: <a className="govuk-footer__link" href="/export/experiments.json">experiments as JSON</a>,{' '}
                <a className="govuk-footer__link" href="/export/experiments.csv">CSV</a>,{' '}
                <a className="govuk-footer__link" href="/feeds/experiments.atom">Atom feed</a>. Council figures: data
                from mySociety (CC BY 4.0).
              </p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
