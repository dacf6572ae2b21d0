import { useEffect, useState, useSyncExternalStore } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession } from '../session.js';

/** GOV.UK's tablet breakpoint (govuk-frontend's `--govuk-breakpoint-tablet`): below it the menu folds behind a button. */
const WIDE = '(min-width: 40.0625em)';

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

function subscribeToWidth(update: () => void): () => void {
  const query = window.matchMedia(WIDE);
  query.addEventListener('change', update);
  return () => query.removeEventListener('change', update);
}

/**
 * Whether the screen is wide enough for the whole menu. The server (and a browser without JavaScript, where no
 * button could open it) shows the whole menu; on a phone it folds once the page's JavaScript has started.
 */
function useWide(): boolean {
  return useSyncExternalStore(subscribeToWidth, () => window.matchMedia(WIDE).matches, () => true);
}

/**
 * The service name and menu, as GOV.UK's service navigation component behaves with its JavaScript: on a phone the
 * links fold behind a "Menu" button (so a page's content starts on the first screen), and the menu closes again
 * when a link is followed.
 */
export function ServiceNavigation() {
  const session = useSession();
  const location = useLocation();
  const wide = useWide();
  const [open, setOpen] = useState(false);
  useEffect(() => setOpen(false), [location.pathname]);
  return (
    <section className="govuk-service-navigation" aria-label="Service information">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            <Link to="/" className="govuk-service-navigation__link">
              What councils tried, and what happened
            </Link>
          </span>
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            <button
              type="button"
              className="govuk-service-navigation__toggle"
              aria-controls="navigation"
              aria-expanded={wide ? undefined : open}
              hidden={wide}
              aria-hidden={wide ? true : undefined}
              onClick={() => setOpen(!open)}
            >
              {/* One string: the button lays its content out as flex items, which would drop a space before a span. */}
              {session.unreadNotifications > 0 ? `Menu (${session.unreadNotifications} new)` : 'Menu'}
            </button>
            <ul className="govuk-service-navigation__list" id="navigation" hidden={!wide && !open}>
              <NavItem to="/search">Search experiments</NavItem>
              <NavItem to="/questions">Questions</NavItem>
              {session.canPublish && <NavItem to="/publish">Publish</NavItem>}
              {session.canPublish && <NavItem to="/attention">Needs attention</NavItem>}
              {session.member ? (
                <>
                  <NavItem to="/notifications">
                    Notifications
                    {session.unreadNotifications > 0 && <span className="synapse-count"> ({session.unreadNotifications} new)</span>}
                  </NavItem>
                  <NavItem to="/account">Your account</NavItem>
                  {(session.member.moderator || session.member.platformAdmin) && <NavItem to="/moderation">Moderation</NavItem>}
                </>
              ) : (
                !session.loading && <NavItem to="/sign-in">Sign in</NavItem>
              )}
              <NavItem to="/developers">API</NavItem>
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
}
