import type { MikroORM } from '@mikro-orm/core';
import { type Request, type Response, Router } from 'express';
import * as client from 'openid-client';
import type { AppConfig, OidcConfig } from '../../config.js';
import { unitOfWork } from '../../db/unit-of-work.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../../http/authenticate.js';
import { signInWithVerifiedEmail } from './identity.service.js';
import { escapeHtml } from '@synapse/domain';
import { page } from './pages.js';

const FLOW_COOKIE = 'synapse_oidc';
const FLOW_MINUTES = 10;

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
}

let discovered: { issuer: string; configuration: Promise<client.Configuration> } | null = null;

/** The provider's configuration, discovered once per issuer. Plain http is allowed only for a loopback issuer (tests, local dev). */
function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  if (discovered?.issuer !== oidc.issuer) {
    const issuer = new URL(oidc.issuer);
    const loopback = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    const configuration = client
      .discovery(issuer, oidc.clientId, oidc.clientSecret, undefined, loopback ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        discovered = null; // try again next time
        throw error;
      });
    discovered = { issuer: oidc.issuer, configuration };
  }
  return discovered.configuration;
}

export function redirectUri(config: AppConfig): string {
  return `${config.publicUrl}/auth/oidc/callback`;
}

function flowCookieOptions(config: AppConfig, request: Request) {
  return { ...sessionCookieOptions(config, request), path: '/auth/oidc', maxAge: FLOW_MINUTES * 60_000 };
}

function refuse(response: Response, reason: string): void {
  response.status(400).type('html').send(page('Single sign-on did not work', `<p>${escapeHtml(reason)}</p><p><a href="/">Go to Synapse</a></p>`));
}

/**
 * Single sign-on with the council's OpenID Connect provider (Microsoft Entra ID and others), by the
 * authorization code flow with PKCE, state and nonce. The verified email then decides the organisation,
 * exactly as for an email link.
 */
export function oidcRoutes({ orm, config }: { orm: MikroORM; config: AppConfig }): Router {
  const router = Router();
  const oidc = config.oidc;
  if (!oidc) return router;

  router.get('/oidc/start', async (request, response, next) => {
    try {
      const configuration = await providerConfiguration(oidc);
      const flow: Flow = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri(config),
        scope: 'openid email profile',
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
      });
      response.cookie(FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString('base64url'), flowCookieOptions(config, request));
      response.redirect(303, url.href);
    } catch (error) {
      next(error);
    }
  });

  router.get('/oidc/callback', async (request, response, next) => {
    const raw = (request.cookies as Record<string, string> | undefined)?.[FLOW_COOKIE];
    response.clearCookie(FLOW_COOKIE, flowCookieOptions(config, request));
    let flow: Flow;
    try {
      flow = JSON.parse(Buffer.from(raw ?? '', 'base64url').toString()) as Flow;
      if (!flow.state || !flow.nonce || !flow.verifier) throw new Error('incomplete');
    } catch {
      refuse(response, 'This sign-in took too long or did not start here. Please try again.');
      return;
    }
    try {
      const configuration = await providerConfiguration(oidc);
      const currentUrl = new URL(request.originalUrl, config.publicUrl);
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      let claims: Record<string, unknown> | undefined = tokens.claims();
      if (claims && typeof claims.email !== 'string') {
        // Some providers put the email in the ID token (Entra ID), others only in UserInfo.
        claims = { ...claims, ...(await client.fetchUserInfo(configuration, tokens.access_token, claims.sub as string)) };
      }
      const email = typeof claims?.email === 'string' ? claims.email : null;
      if (!email || claims?.email_verified === false) {
        refuse(response, 'Your account did not share a verified email address, which Synapse needs to find your council.');
        return;
      }
      const name = typeof claims?.name === 'string' ? claims.name : null;
      const { token, session } = await signInWithVerifiedEmail(unitOfWork(orm), config, email, name, request.header('user-agent') ?? null);
      response.cookie(SESSION_COOKIE, token, sessionCookieOptions(config, request, session.expiresAt));
      response.redirect(303, '/');
    } catch (error) {
      if (error instanceof client.ResponseBodyError || error instanceof client.AuthorizationResponseError || (error as Error).name === 'OperationProcessingError') {
        refuse(response, 'The sign-in provider did not confirm who you are. Please try again.');
        return;
      }
      next(error);
    }
  });
  return router;
}
