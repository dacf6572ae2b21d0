import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { hasDevelopmentMailbox } from '../../config.js';
import { ForbiddenError } from '../../errors.js';
import type { Context } from '../../graphql/context.js';
import { Member } from '../member/member.entity.js';
import { RequestSignInInput } from './identity.inputs.js';
import { completeSignIn, findSession, requestSignIn, signOut, signOutEverywhere } from './identity.service.js';
import { deleteAccount, personalData } from './personal-data.service.js';

@ObjectType({ description: 'Your signed-in session.' })
export class CurrentSession {
  @Field(() => String, { description: 'Send this in the x-csrf-token header with every mutation.' })
  csrfToken!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Member)
  member!: Member;
}

@ObjectType({ description: "Single sign-on with the council's identity provider." })
export class SsoMethod {
  @Field(() => String, { description: 'e.g. "Microsoft Entra ID".' })
  label!: string;

  @Field(() => String, { description: 'Send the browser here to start.' })
  startUrl!: string;
}

@ObjectType()
export class SignInMethods {
  @Field(() => Boolean, { description: 'Sign in with a link sent by email.' })
  emailLink!: boolean;

  @Field(() => SsoMethod, { nullable: true, description: 'Present when single sign-on is configured.' })
  sso!: SsoMethod | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where sign-in emails can be read when no mail server is configured (development only; null otherwise).',
  })
  developmentMailbox!: string | null;
}

@Resolver()
export class IdentityResolver {
  @Query(() => SignInMethods, { description: 'How people can sign in to this installation.' })
  signInMethods(@Ctx() { services }: Context): SignInMethods {
    const oidc = services.config.oidc;
    return {
      emailLink: true,
      sso: oidc ? { label: oidc.label, startUrl: `${services.config.publicUrl}/auth/oidc/start` } : null,
      developmentMailbox: hasDevelopmentMailbox(services.config) ? `${services.config.publicUrl}/dev/mailbox` : null,
    };
  }

  @Query(() => CurrentSession, { nullable: true, description: 'The session this browser is signed in with, if any.' })
  async currentSession(@Ctx() { em, principal, viewer }: Context): Promise<CurrentSession | null> {
    if (principal.kind !== 'session' || !viewer) return null;
    const session = await findSession(em, principal.sessionId);
    return session ? { csrfToken: session.csrfToken, expiresAt: session.expiresAt, member: viewer } : null;
  }

  @Mutation(() => Boolean, {
    description: 'Emails a sign-in link to this address. Always answers true: it never reveals who has an account.',
  })
  async requestSignIn(@Ctx() { em, services }: Context, @Arg('input', () => RequestSignInInput) input: RequestSignInInput): Promise<boolean> {
    await requestSignIn(em, services.mailer, services.config, input.email, input.returnTo ?? null);
    return true;
  }

  @Mutation(() => Member, { description: 'Uses the token from a sign-in link; starts a session (an HTTP-only cookie).' })
  async completeSignIn(@Ctx() { em, services, http }: Context, @Arg('token', () => String) token: string): Promise<Member> {
    const { token: cookie, session, member } = await completeSignIn(em, services.config, token, http?.userAgent ?? null);
    http?.setSessionCookie(cookie, session.expiresAt);
    return member;
  }

  @Mutation(() => Boolean, { description: 'Ends this session.' })
  async signOut(@Ctx() { em, principal, http }: Context): Promise<boolean> {
    if (principal.kind !== 'session') throw new ForbiddenError('sign out: you are not signed in');
    await signOut(em, principal.sessionId);
    http?.clearSessionCookie();
    return true;
  }

  @Query(() => GraphQLJSON, { description: 'Everything Synapse holds about you, as JSON, for download.' })
  myPersonalData(@Ctx() { em, viewer }: Context): Promise<Record<string, unknown>> {
    return personalData(em, viewer);
  }

  @Mutation(() => Boolean, {
    description: 'Deletes your account and signs you out everywhere. Your organisation keeps what it published.',
  })
  async deleteMyAccount(@Ctx() { em, viewer, http }: Context): Promise<boolean> {
    await deleteAccount(em, viewer);
    http?.clearSessionCookie();
    return true;
  }

  @Mutation(() => Boolean, { description: 'Ends every session of yours, on every device.' })
  async signOutEverywhere(@Ctx() { em, viewer, http }: Context): Promise<boolean> {
    if (!viewer) throw new ForbiddenError('sign out: you are not signed in');
    await signOutEverywhere(em, viewer.id);
    http?.clearSessionCookie();
    return true;
  }
}
