import { isWebRoute } from '@synapse/domain';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where `npm run build` puts the web client (apps/web/dist), seen from apps/api/dist/http. */
export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const API_PATHS = /^\/(export|feeds|graphql|auth|dev|healthz)(\/|\.|$)/;

const FALLBACK_PAGE = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Synapse</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: Arial, sans-serif; max-width: 40em; margin: 2em auto; line-height: 1.5">
<h1>Synapse</h1>
<p>An open network where UK councils publish the experiments they run, what happened, and what others can reuse.</p>
<p>The web client has not been built (run <code>npm run build</code>). The GraphQL API is at
<a href="/graphql"><code>/graphql</code></a>. Open data: <a href="/export/experiments.json">experiments as JSON</a>,
<a href="/export/experiments.csv">as CSV</a>, <a href="/feeds/experiments.atom">Atom feed</a>.</p>
</body></html>`;

/** Answers a GraphQL request body (JSON) for the page's visitor, in this process. */
export type ExecuteGraphQL = (body: string) => Promise<{ status: number; body: string }>;

/** What `apps/web/src/entry-server.tsx` exports (built to apps/web/dist/server/entry-server.js). */
interface PageRenderer {
  render(request: { url: string; origin: string; execute: ExecuteGraphQL; signal?: AbortSignal }): Promise<{
    body: string;
    head: string;
    data: unknown;
    status: number;
    location: string | null;
  }>;
}

/** How pages are rendered on the server: GraphQL run as the visitor, after `before` decided who that is. */
export interface ServerRendering {
  origin: string;
  before: RequestHandler[];
  executeFor(request: Request, response: Response): ExecuteGraphQL;
  /** A render slower than this is abandoned and the page is sent for the browser to render (default 5 s). */
  timeoutMs?: number;
}

/** JSON inside a script element: nothing in it may close the element or open a comment. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c').replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
}

/** The built index.html with a rendered page put in: its head elements, its markup and the data it read. */
export function pageDocument(template: string, page: { head: string; body: string; data: unknown }, origin: string): string {
  let html = template;
  // The page's own description replaces the default; the "needs JavaScript" notice is not needed.
  if (page.head.includes('name="description"')) html = html.replace(/<meta name="description"[^>]*>/, '');
  html = html.replace(/<noscript>[\s\S]*?<\/noscript>/, '');
  // The page's head elements go first, right after the character set, so its title is the document's; the
  // template's title stays after it for pages the browser later shows without one of their own.
  const charset = /<meta charset[^>]*>/i.exec(html);
  const at = charset ? charset.index + charset[0].length : html.indexOf('<head>') + '<head>'.length;
  html = `${html.slice(0, at)}${page.head}${html.slice(at)}`;
  const data = scriptJson({ origin, urql: page.data });
  return html.replace('<div id="root"></div>', `<div id="root">${page.body}</div><script type="application/json" id="synapse-data">${data}</script>`);
}

function loadRenderer(distDir: string): Promise<PageRenderer | null> | null {
  const entry = join(distDir, 'server', 'entry-server.js');
  if (!existsSync(entry)) return null;
  return (import(pathToFileURL(entry).href) as Promise<PageRenderer>).catch((error: unknown) => {
    console.error('The server renderer could not be loaded; pages are rendered in the browser.', error);
    return null;
  });
}

/**
 * Serves the built web client on the API's port: its files, and every page address rendered on the server
 * (complete HTML with its data, which the browser's React then takes over) so pages work without JavaScript and
 * links into the client (/search?q=…, /experiments/…) open directly. A page the server cannot render in time
 * is sent for the browser to render. Unknown addresses answer 404, withdrawn experiments 410, moved ones 301.
 * Mounted last, after every API route. Without a build, `/` explains how to get one.
 */
export function webClientRoutes(distDir: string | null = DEFAULT_WEB_DIST, rendering: ServerRendering | null = null): Router {
  const router = express.Router();
  const indexFile = distDir ? join(distDir, 'index.html') : null;
  if (!distDir || !indexFile || !existsSync(indexFile)) {
    router.get('/', (_req, res) => {
      res.type('html').send(FALLBACK_PAGE);
    });
    return router;
  }
  const template = readFileSync(indexFile, 'utf8');
  const renderer = rendering ? loadRenderer(distDir) : null;
  // Hashed bundles never change; everything else is revalidated.
  router.use('/static', express.static(join(distDir, 'static'), { immutable: true, maxAge: '1y', fallthrough: false }));
  router.use('/server', (_req, res, next) => next('router')); // the server's own renderer is not a file to serve
  router.use(express.static(distDir, { index: false }));
  const pages: RequestHandler = async (req, res, next) => {
    // Unknown API addresses (a mistyped export or feed) are 404s, not the client's page.
    if (!req.accepts('html') || API_PATHS.test(req.path)) return next();
    res.setHeader('cache-control', 'private, no-cache');
    const known = isWebRoute(req.path);
    const page = rendering && renderer ? await renderPage(await renderer, rendering, req, res) : null;
    if (page?.location) return res.redirect(301, page.location);
    // Unknown addresses get the app too (it shows GOV.UK's "Page not found"), but with the status that says so.
    res.status(page ? page.status : known ? 200 : 404);
    res.type('html').send(page ? pageDocument(template, page, rendering!.origin) : template);
  };
  router.get(/.*/, ...(rendering?.before ?? []), pages);
  return router;
}

/** The page rendered for this request, or null when it cannot be (then the browser renders it). */
async function renderPage(renderer: PageRenderer | null, rendering: ServerRendering, req: Request, res: Response) {
  if (!renderer) return null;
  try {
    return await renderer.render({
      url: req.originalUrl,
      origin: rendering.origin,
      execute: rendering.executeFor(req, res),
      signal: AbortSignal.timeout(rendering.timeoutMs ?? 5000),
    });
  } catch (error) {
    console.warn(`Server rendering of ${req.path} failed; the page is rendered in the browser.`, error);
    return null;
  }
}
