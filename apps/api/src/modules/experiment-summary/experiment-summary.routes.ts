import type { MikroORM } from '@mikro-orm/core';
import { type RequestHandler, type Response, Router } from 'express';
import type { AppConfig } from '../../config.js';
import { unitOfWork } from '../../db/unit-of-work.js';
import { PUBLIC_MAX_AGE_SECONDS } from '../../graphql/http-caching.js';
import { authenticate } from '../../http/authenticate.js';
import { attachmentDisposition } from '../file/file-store.js';
import { renderSummaryPdf } from './experiment-summary.pdf.js';
import { findExperimentSummary, longDate } from './experiment-summary.service.js';

function plain(response: Response, status: number, message: string): void {
  response.status(status).setHeader('Cache-Control', 'no-cache').type('text/plain; charset=utf-8').send(message);
}

/** A file name from the slug that any browser and file system accepts: "warm-spaces-summary.pdf". */
export function summaryFileName(slug: string): string {
  const safe = slug.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '').slice(0, 80);
  return `${safe || 'experiment'}-summary.pdf`;
}

/**
 * GET /experiments/:slug/summary.pdf — a one-page summary of an experiment for a business case or a board paper.
 * Who may download it is who may see the experiment through GraphQL (a signed-in team member sees their draft).
 */
export function experimentSummaryRoutes({ orm, config, rateLimit }: { orm: MikroORM; config: AppConfig; rateLimit?: RequestHandler | null }): Router {
  const router = Router();
  // Drawing a PDF costs far more than answering a page: the API's rate limits apply, as they do to /export.
  const limit = rateLimit ? [rateLimit] : [];
  router.get('/experiments/:slug/summary.pdf', authenticate(orm), ...limit, async (req, res, next) => {
    try {
      const principal = req.principal;
      const memberId = principal?.kind === 'session' ? principal.memberId : null;
      const slug = String(req.params.slug).slice(0, 200);
      const found = await findExperimentSummary(unitOfWork(orm), memberId, slug, config.publicUrl);
      if (found.kind === 'missing') return plain(res, 404, 'There is no published experiment at this address.');
      if (found.kind === 'withdrawn') return plain(res, 410, `This experiment was withdrawn by its team on ${longDate(found.on)}.`);
      const pdf = await renderSummaryPdf(found.summary);
      res.set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': attachmentDisposition(summaryFileName(found.summary.slug)),
        // A draft is its team's: never kept by a shared cache. Published summaries are cached like other public reads.
        'Cache-Control': memberId ? 'private, no-store' : `public, max-age=${PUBLIC_MAX_AGE_SECONDS}, stale-while-revalidate=${PUBLIC_MAX_AGE_SECONDS * 5}`,
        Vary: 'Cookie, Authorization',
        'X-Content-Type-Options': 'nosniff',
      });
      res.send(pdf);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
