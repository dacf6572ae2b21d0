import { MemberRole } from '@synapse/domain';
import type { AppConfig } from '../../config.js';
import type { EntityManager } from '../../db/orm.js';
import { BadInputError } from '../../errors.js';
import { Member } from '../member/member.entity.js';
import { OrganisationDomain } from '../membership/organisation-domain.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import type { Mailer } from './mailer.js';
import { Session } from './session.entity.js';
import { SignInToken } from './sign-in-token.entity.js';
import { safeReturnTo } from './return-to.js';
import { randomToken, sha256 } from './tokens.js';

const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}

/** "jo.bloggs-smith" → "Jo Bloggs Smith": a starting name people can change. */
function nameFromEmail(email: string): string {
  const local = email.slice(0, email.indexOf('@')).replace(/\+.*$/, '');
  return local.split(/[._-]+/).filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1)).join(' ') || 'New member';
}

/** Emails a single-use sign-in link. Says nothing about whether the address is known. */
export async function requestSignIn(em: EntityManager, mailer: Mailer, config: AppConfig, rawEmail: string, returnTo: string | null = null): Promise<void> {
  const email = normaliseEmail(rawEmail);
  const token = randomToken();
  const expiresAt = new Date(Date.now() + config.signInLinkMinutes * 60_000);
  // Committed before the email goes: a link is never sent for a token that was not stored.
  await em.transactional((tem) => tem.persist(Object.assign(new SignInToken(), { tokenHash: sha256(token), email, expiresAt })).flush());
  // The page to come back to travels in the link itself (checked again on the way back, see return-to.ts).
  const back = safeReturnTo(returnTo);
  const link = `${config.publicUrl}/auth/verify?token=${encodeURIComponent(token)}${back === '/' ? '' : `&returnTo=${encodeURIComponent(back)}`}`;
  await mailer.send({
    to: email,
    subject: 'Your Synapse sign-in link',
    text: `Use this link to sign in to Synapse. It works once, for the next ${config.signInLinkMinutes} minutes:\n\n${link}\n\nIf you did not ask to sign in, you can ignore this email.`,
  });
}

/**
 * The member for a verified email address: existing, or new. A member not yet in an organisation joins the
 * one that has verified their email domain, as an editor.
 */
export async function memberForVerifiedEmail(em: EntityManager, config: AppConfig, rawEmail: string, name?: string | null): Promise<Member> {
  const email = normaliseEmail(rawEmail);
  let member = await em.findOne(Member, { email, deletedAt: null });
  if (!member) {
    member = Object.assign(new Member(), { email, name: name?.trim() || nameFromEmail(email) });
    em.persist(member);
  }
  if (!member.organisation) {
    const domain = await em.findOne(OrganisationDomain, { domain: emailDomain(email) });
    if (domain) {
      member.organisation = em.getReference(Organisation, domain.organisation.id, { wrapped: true });
      member.role = MemberRole.EDITOR;
    }
  }
  if (config.platformAdmins.includes(email)) member.platformAdmin = true;
  await em.flush();
  return member;
}

export interface NewSession {
  session: Session;
  /** The cookie value; only its hash is stored. */
  token: string;
  member: Member;
}

export async function createSession(em: EntityManager, config: AppConfig, member: Member, userAgent: string | null): Promise<NewSession> {
  const token = randomToken();
  const session = Object.assign(new Session(), {
    tokenHash: sha256(token),
    member: em.getReference(Member, member.id, { wrapped: true }),
    csrfToken: randomToken(24),
    userAgent: userAgent?.slice(0, 300) ?? null,
    expiresAt: new Date(Date.now() + config.sessionDays * 86_400_000),
  });
  em.persist(session);
  await em.flush();
  return { session, token, member };
}

/** Uses a sign-in link: once, before it expires. Returns a new session for its member. */
export async function completeSignIn(em: EntityManager, config: AppConfig, token: string, userAgent: string | null): Promise<NewSession> {
  return em.transactional(async (tem) => {
    const found = await tem.findOne(SignInToken, { tokenHash: sha256(token) });
    if (!found) throw BadInputError.field('token', 'this sign-in link is not valid');
    if (found.usedAt) throw BadInputError.field('token', 'this sign-in link has already been used: ask for a new one');
    if (found.expiresAt.getTime() < Date.now()) throw BadInputError.field('token', 'this sign-in link has expired: ask for a new one');
    // Conditional, so two simultaneous uses of one link cannot both succeed.
    const claimed = await tem.nativeUpdate(SignInToken, { id: found.id, usedAt: null }, { usedAt: new Date() });
    if (claimed !== 1) throw BadInputError.field('token', 'this sign-in link has already been used: ask for a new one');
    const member = await memberForVerifiedEmail(tem, config, found.email);
    return createSession(tem, config, member, userAgent);
  });
}

/** Signs in someone a single sign-on provider vouches for: their member (found or made) and a new session, in one transaction. */
export function signInWithVerifiedEmail(em: EntityManager, config: AppConfig, email: string, name: string | null, userAgent: string | null): Promise<NewSession> {
  return em.transactional(async (tem) => createSession(tem, config, await memberForVerifiedEmail(tem, config, email, name), userAgent));
}

/** The live session for a cookie token, if any. */
export async function sessionForToken(em: EntityManager, token: string): Promise<Session | null> {
  const session = await em.findOne(Session, { tokenHash: sha256(token), expiresAt: { $gt: new Date() } }, { populate: ['member'] });
  if (!session || session.member.getEntity().deletedAt) return null;
  if (Date.now() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await em.nativeUpdate(Session, { id: session.id }, { lastSeenAt: new Date() });
  }
  return session;
}

/** A session by its id (null once signed out or deleted). */
export function findSession(em: EntityManager, id: string): Promise<Session | null> {
  return em.findOne(Session, { id });
}

export async function signOut(em: EntityManager, sessionId: string): Promise<void> {
  await em.transactional((tem) => tem.nativeDelete(Session, { id: sessionId }));
}

export function signOutEverywhere(em: EntityManager, memberId: string): Promise<number> {
  return em.transactional((tem) => tem.nativeDelete(Session, { member: memberId }));
}
