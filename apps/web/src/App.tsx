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
import { NeedsJavaScript } from './components/NeedsJavaScript.js';
import { PhaseBanner } from './components/PhaseBanner.js';
import { ServiceNavigation } from './components/ServiceNavigation.js';
import { SiteFooter } from './components/SiteFooter.js';
import { AccessibilityPage } from './pages/info/AccessibilityPage.js';
import { ContactPage } from './pages/info/ContactPage.js';
import { CookiesPage } from './pages/info/CookiesPage.js';
import { DevelopersPage } from './pages/info/DevelopersPage.js';
import { PrivacyPage } from './pages/info/PrivacyPage.js';
import { AskPage } from './pages/conversation/AskPage.js';
import { DiscussionPage } from './pages/conversation/DiscussionPage.js';
import { ModerationPage } from './pages/conversation/ModerationPage.js';
import { QuestionsPage } from './pages/conversation/QuestionsPage.js';

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

  // Marks the page as taken over by React (hydrated, when the server rendered it): from here on it is the app.
  useEffect(() => {
    document.body.classList.add('synapse-hydrated');
  }, []);

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
      <ServiceNavigation />
      <div className="govuk-width-container">
        <PhaseBanner />
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1} ref={main}>
          <NeedsJavaScript />
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
            <Route path="/accessibility" element={<AccessibilityPage />} />
            <Route path="/privacy" element={<PrivacyPage />} />
            <Route path="/cookies" element={<CookiesPage />} />
            <Route path="/contact" element={<ContactPage />} />
            <Route path="/developers" element={<DevelopersPage />} />
            <Route path="/questions" element={<QuestionsPage />} />
            <Route path="/discussions/new" element={<AskPage />} />
            <Route path="/discussions/:id" element={<DiscussionPage />} />
            <Route path="/moderation" element={<ModerationPage />} />
            <Route path="/statistics" element={<StatisticsPage />} />
            <Route path="/attention" element={<AttentionPage />} />
            <Route path="/experiments/:slug/register" element={<RegisterMeasuresPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </main>
      </div>
      <SiteFooter />
    </>
  );
}
