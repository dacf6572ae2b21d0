import { matchPath, useLocation } from 'react-router';

/** Pages that work in full without JavaScript (server-rendered, with ordinary links and GET forms). */
const WORKS_WITHOUT_JAVASCRIPT = [
  '/',
  '/search',
  '/experiments/:slug',
  '/organisations/:slug',
  '/questions',
  '/discussions/:id',
  '/statistics',
  '/accessibility',
  '/privacy',
  '/cookies',
  '/contact',
  '/developers',
];

/**
 * On the pages that need JavaScript (signing in, publishing, managing), says so plainly when it is off: the page
 * is still drawn by the server, but its buttons would do nothing.
 */
export function NeedsJavaScript() {
  const { pathname } = useLocation();
  if (WORKS_WITHOUT_JAVASCRIPT.some((pattern) => matchPath(pattern, pathname))) return null;
  return (
    <noscript>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          This page needs JavaScript, which is turned off or has not loaded. Reading and searching experiments works without it.
        </strong>
      </div>
    </noscript>
  );
}
