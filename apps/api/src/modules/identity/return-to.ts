import { isWebRoute } from '@synapse/domain';

/**
 * Where to send someone after they sign in: a page of this service they came from, as a path ("/experiments/x").
 * Anything else (another site, "//evil.example", a path that is not a page) falls back to the home page, so the
 * sign-in link can never be used to redirect people elsewhere.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  let url: URL;
  try {
    url = new URL(value, 'https://synapse.invalid');
  } catch {
    return '/';
  }
  if (url.origin !== 'https://synapse.invalid' || !isWebRoute(url.pathname) || url.pathname === '/sign-in') return '/';
  return `${url.pathname}${url.search}`;
}
