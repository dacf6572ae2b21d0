import type { MikroORM } from '@mikro-orm/core';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config.js';
import { ErrorCode, errorBody } from '../errors.js';
import { unitOfWork } from '../db/unit-of-work.js';
import { apiKeyFor } from '../modules/api-key/api-key.service.js';
import { sessionForToken } from '../modules/identity/identity.service.js';
import { ANONYMOUS } from './principal.js';

export const SESSION_COOKIE = 'synapse_session';

export function sessionCookieOptions(config: AppConfig, request: Request, expires?: Date) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    // Secure whenever the browser reached us over https (directly or, with TRUST_PROXY, through a proxy).
    secure: request.secure || config.publicUrl.startsWith('https://'),
    path: '/',
    ...(expires ? { expires } : {}),
  };
}


/** Decides the request's principal: an API key (Authorization: Bearer), a session cookie, or nobody. */
export function authenticate(orm: MikroORM) {
  return async (request: Request, response: Response, next: NextFunction) => {
    try {
      const authorization = request.header('authorization');
      if (authorization) {
        const [scheme, value] = authorization.split(/\s+/, 2);
        const key = scheme?.toLowerCase() === 'bearer' && value ? await apiKeyFor(unitOfWork(orm), value) : null;
        if (!key) {
          const { status, body } = errorBody(ErrorCode.UNAUTHENTICATED, 'The API key is not valid or has been revoked.');
          response.status(status).json(body);
          return;
        }
        request.principal = { kind: 'apiKey', apiKeyId: key.id, organisationId: key.organisation.id };
        next();
        return;
      }
      const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
      const session = token ? await sessionForToken(unitOfWork(orm), token) : null;
      request.principal = session
        ? { kind: 'session', sessionId: session.id, memberId: session.member.id, csrfToken: session.csrfToken }
        : token
          ? { kind: 'anonymous', expiredSession: true }
          : ANONYMOUS;
      next();
    } catch (error) {
      next(error);
    }
  };
}
