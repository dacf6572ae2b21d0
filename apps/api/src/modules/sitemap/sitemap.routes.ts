import type { MikroORM } from '@mikro-orm/core';
import { type RequestHandler, type Response, Router } from 'express';
import type { AppConfig } from '../../config.js';
import { unitOfWork } from '../../db/unit-of-work.js';
import { PUBLIC_MAX_AGE_SECONDS } from '../../graphql/http-caching.js';
import { SITEMAP_PAGE_SIZE, type SitemapEntry, SitemapService, totalOf } from './sitemap.service.js';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text made safe for XML content and attributes; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

/** Signed-in areas and machine endpoints that search engines have no reason to crawl. */
const DISALLOWED = ['/account', '/notifications', '/publish', '/moderation', '/attention', '/sign-in', '/*/edit', '/*/manage', '/*/adapt', '/*/register', '/graphql', '/auth', '/dev'];

/** robots.txt: public pages open, signed-in areas closed, and where the sitemap is. */
export function robotsTxt(publicUrl: string): string {
  return ['User-agent: *', 'Allow: /', ...DISALLOWED.map((path) => `Disallow: ${path}`), '', `Sitemap: ${publicUrl}/sitemap.xml`, ''].join('\n');
}

function publicHeaders(response: Response, type: string): void {
  response.type(type);
  response.setHeader('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}, stale-while-revalidate=${PUBLIC_MAX_AGE_SECONDS * 5}`);
}

async function writeUrlset(response: Response, publicUrl: string, batches: AsyncGenerator<SitemapEntry[]>): Promise<void> {
  publicHeaders(response, 'application/xml');
  response.write('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n');
  for await (const batch of batches) {
    const lines = batch.map(({ path, lastModified }) => {
      const lastmod = lastModified ? `<lastmod>${lastModified.toISOString()}</lastmod>` : '';
      return `<url><loc>${escapeXml(publicUrl + path)}</loc>${lastmod}</url>\n`;
    });
    // Wait for the socket to drain between chunks, so a slow reader does not buffer the whole page in memory.
    if (!response.write(lines.join(''))) await new Promise((resolve) => response.once('drain', resolve));
  }
  response.end('</urlset>\n');
}

function writeIndex(response: Response, publicUrl: string, pages: number): void {
  publicHeaders(response, 'application/xml');
  const entries = Array.from({ length: pages }, (_, index) => `<sitemap><loc>${escapeXml(`${publicUrl}/sitemaps/${index + 1}.xml`)}</loc></sitemap>\n`);
  response.send(`<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('')}</sitemapindex>\n`);
}

/**
 * `/robots.txt`, and `/sitemap.xml` listing what anyone may read: published experiments that are not withdrawn,
 * organisations that lead one, public discussions, and the home, search and questions pages. Past `pageSize`
 * addresses (50,000, the protocol's limit) `/sitemap.xml` is an index of `/sitemaps/<n>.xml` pages.
 */
export function sitemapRoutes({
  orm,
  config,
  pageSize = SITEMAP_PAGE_SIZE,
  rateLimit,
}: {
  orm: MikroORM;
  config: AppConfig;
  pageSize?: number;
  rateLimit?: RequestHandler | null;
}): Router {
  const router = Router();
  // A sitemap page reads up to 50,000 rows: limited like /export, so nobody can make the database read them in a loop.
  const limit = rateLimit ? [rateLimit] : [];
  const service = () => new SitemapService(unitOfWork(orm));
  const origin = config.publicUrl;

  router.get('/robots.txt', (_req, res) => {
    publicHeaders(res, 'text/plain');
    res.send(robotsTxt(origin));
  });

  router.get('/sitemap.xml', ...limit, async (_req, res, next) => {
    try {
      const sitemap = service();
      const counts = await sitemap.counts();
      const total = totalOf(counts);
      if (total > pageSize) writeIndex(res, origin, Math.ceil(total / pageSize));
      else await writeUrlset(res, origin, sitemap.entries(counts, 0, pageSize));
    } catch (error) {
      next(error);
    }
  });

  router.get('/sitemaps/:page.xml', ...limit, async (req, res, next) => {
    const requested = String(req.params.page);
    if (!/^[1-9]\d{0,6}$/.test(requested)) return next();
    try {
      const page = Number(requested);
      const sitemap = service();
      const counts = await sitemap.counts();
      const total = totalOf(counts);
      // Unsplit, the one page is /sitemap.xml itself: a second address for it would be a duplicate.
      if (total <= pageSize || page > Math.ceil(total / pageSize)) return next();
      await writeUrlset(res, origin, sitemap.entries(counts, (page - 1) * pageSize, pageSize));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
