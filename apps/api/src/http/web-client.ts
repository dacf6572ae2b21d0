import express, { type Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/**
 * Serves the built web client on the API's port: its files, and index.html for any other page address so
 * that links into the client (/search?q=…, /experiments/…) work when opened directly. Mounted last, after
 * every API route. Without a build, `/` explains how to get one.
 */
export function webClientRoutes(distDir: string | null = DEFAULT_WEB_DIST): Router {
  const router = express.Router();
  const indexFile = distDir ? join(distDir, 'index.html') : null;
  if (!distDir || !indexFile || !existsSync(indexFile)) {
    router.get('/', (_req, res) => {
      res.type('html').send(FALLBACK_PAGE);
    });
    return router;
  }
  // Hashed bundles never change; everything else is revalidated.
  router.use('/static', express.static(join(distDir, 'static'), { immutable: true, maxAge: '1y', fallthrough: false }));
  router.use(express.static(distDir, { index: false }));
  router.get(/.*/, (req, res, next) => {
    // Unknown API addresses (a mistyped export or feed) are 404s, not the client's page.
    if (!req.accepts('html') || API_PATHS.test(req.path)) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}
