/**
 * Every page address of the web client, shared by the client's router and the API server that serves it: the
 * server answers an address on this list with the app and HTTP 200, anything else with the app and HTTP 404, so
 * search engines and link checkers learn that a mistyped address does not exist. A `:name` segment matches one
 * segment; a trailing `*` matches the rest. Add a page here when you add a route (a test compares with App.tsx).
 */
export const WEB_ROUTES = [
  '/',
  '/search',
  '/experiments/:slug',
  '/experiments/:slug/adapt',
  '/experiments/:slug/edit/*',
  '/publish',
  '/organisations/:slug',
  '/organisations/:slug/manage',
  '/sign-in',
  '/account',
  '/notifications',
  '/accessibility',
  '/privacy',
  '/cookies',
  '/contact',
  '/developers',
  '/statistics',
  '/attention',
  '/experiments/:slug/register',
  '/questions',
  '/discussions/new',
  '/discussions/:id',
  '/moderation',
] as const;

function matches(pattern: string, pathname: string): boolean {
  const wanted = pattern.split('/').filter(Boolean);
  const given = pathname.split('/').filter(Boolean);
  for (const [index, part] of wanted.entries()) {
    if (part === '*') return true;
    if (index >= given.length) return false;
    if (!part.startsWith(':') && part !== given[index]) return false;
  }
  return wanted.length === given.length;
}

/** Whether a path (no query string) is one of the web client's pages. */
export function isWebRoute(pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return WEB_ROUTES.some((pattern) => matches(pattern, path));
}
