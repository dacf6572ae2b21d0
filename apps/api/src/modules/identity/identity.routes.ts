import type { MikroORM } from '@mikro-orm/core';
import { Router } from 'express';
import type { AppConfig } from '../../config.js';
import { unitOfWork } from '../../db/unit-of-work.js';
import { BadInputError } from '../../errors.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../../http/authenticate.js';
import { completeSignIn } from './identity.service.js';
import { escapeHtml } from '@synapse/domain';
import { page } from './pages.js';
import { safeReturnTo } from './return-to.js';

/** GET /auth/verify?token=…&returnTo=…: the link in the sign-in email. Starts a session and goes back to the page the person came from. */
export function authRoutes({ orm, config }: { orm: MikroORM; config: AppConfig }): Router {
  const router = Router();
  router.get('/verify', async (request, response, next) => {
    const token = typeof request.query.token === 'string' ? request.query.token : '';
    try {
      const { token: cookie, session } = await completeSignIn(unitOfWork(orm), config, token, request.header('user-agent') ?? null);
      response.cookie(SESSION_COOKIE, cookie, sessionCookieOptions(config, request, session.expiresAt));
      response.redirect(303, safeReturnTo(request.query.returnTo));
    } catch (error) {
      if (!(error instanceof BadInputError)) {
        next(error);
        return;
      }
      response
        .status(400)
        .type('html')
        .send(page('Sign-in link not accepted', `<p>${escapeHtml(error.problems[0].reason)}.</p><p><a href="/">Go to Synapse</a></p>`));
    }
  });
  return router;
}
