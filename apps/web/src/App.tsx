import { useEffect, useRef } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router';
import { AccountPage } from './pages/AccountPage.js';
import { ExperimentPage } from './pages/ExperimentPage.js';
import { ForkPage } from './pages/ForkPage.js';
import { HomePage } from './pages/HomePage.js';
import { ManageOrganisationPage } from './pages/ManageOrganisationPage.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { NotificationsPage } from './pages/NotificationsPage.js';
import { OrganisationPage } from './pages/OrganisationPage.js';
import { EditExperiment } from './pages/publish/EditExperiment.js';
import { StartPage } from './pages/publish/StartPage.js';
import { SearchPage } from './pages/SearchPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { AttentionPage } from './pages/AttentionPage.js';
import { RegisterMeasuresPage } from './pages/RegisterMeasuresPage.js';
import { StatisticsPage } from './pages/StatisticsPage.js';
import { useSession } from './session.js';

function NavItem({ to, children }: { to: string; children: React.ReactNode }) {
  const location = useLocation();
  const active = location.pathname === to || (to !== '/' && location.pathname.startsWith(`${to}/`));
  return (
    <li className={`govuk-service-navigation__item${active ? ' govuk-service-navigation__item--active' : ''}`}>
      <Link className="govuk-service-navigation__link" to={to} aria-current={active ? 'page' : undefined}>
        {active ? <strong className="govuk-service-navigation__active-fallback">{children}</strong> : children}
      </Link>
    </li>
  );
}

function Navigation() {
  const session = useSession();
  return (
    <ul className="govuk-service-navigation__list">
      <NavItem to="/search">Search experiments</NavItem>
      {session.canPublish && <NavItem to="/publish">Publish</NavItem>}
      {session.canPublish && <NavItem to="/attention">Needs attention</NavItem>}
      {session.member ? (
        <>
          <NavItem to="/notifications">
            Notifications
            {session.unreadNotifications > 0 && <span className="synapse-count"> ({session.unreadNotifications} new)</span>}
          </NavItem>
          <NavItem to="/account">Your account</NavItem>
        </>
      ) : (
        !session.loading && <NavItem to="/sign-in">Sign in</NavItem>
      )}
      <li className="govuk-service-navigation__item">
        <a className="govuk-service-navigation__link" href="/graphql">
          API
        </a>
      </li>
    </ul>
  );
}

export function App() {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  // On a route change, move focus to the new page's content so screen reader users hear it (not on first load),
  // or to the field named after # when an error summary on another page sent them here.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const field = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    (field ?? main.current)?.focus();
  }, [location.pathname, location.hash]);

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
              <Navigation />
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
            <Route path="/experiments/:slug/adapt" element={<ForkPage />} />
            <Route path="/experiments/:slug/edit/*" element={<EditExperiment />} />
            <Route path="/publish" element={<StartPage />} />
            <Route path="/organisations/:slug" element={<OrganisationPage />} />
            <Route path="/organisations/:slug/manage" element={<ManageOrganisationPage />} />
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/account" element={<AccountPage />} />
            <Route path="/notifications" element={<NotificationsPage />} />
            <Route path="/statistics" element={<StatisticsPage />} />
            <Route path="/attention" element={<AttentionPage />} />
            <Route path="/experiments/:slug/register" element={<RegisterMeasuresPage />} />
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
                from mySociety (CC BY 4.0); hex maps from Open Innovations (MIT).
              </p>
            </div>
          </div>
        </div>
      </footer>
    </>
  );
}
