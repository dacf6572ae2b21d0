import { Arg, Args, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { connectionType, PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { ApiKey } from '../api-key/api-key.entity.js';
import { listApiKeys } from '../api-key/api-key.service.js';
import { Member } from '../member/member.entity.js';
import { JoinRequest } from '../membership/join-request.entity.js';
import { pendingJoinRequests } from '../membership/membership.service.js';
import { OrganisationDomain } from '../membership/organisation-domain.entity.js';
import { Organisation } from './organisation.entity.js';
import { organisationPolicy } from './organisation.policy.js';
import { OrganisationFilter } from './organisation.inputs.js';
import { findOrganisation, listOrganisations, organisationDomains, organisationMembers } from './organisation.service.js';

export const OrganisationConnection = connectionType(Organisation, 'Organisation');

@ObjectType({ description: 'A council\'s hexagon on an equal-area hex map of the UK (HexJSON "odd-r" layout).' })
export class HexPosition {
  @Field(() => String, { description: 'DISTRICTS_2023 (lower tier and unitary) or UPPER_TIER (counties).' })
  layout!: string;

  @Field(() => Int)
  q!: number;

  @Field(() => Int)
  r!: number;
}

@ObjectType({ description: 'What the current viewer may do with an organisation.' })
export class OrganisationPermissions {
  @Field(() => Boolean)
  manageMembers!: boolean;

  @Field(() => Boolean)
  manageApiKeys!: boolean;

  @Field(() => Boolean)
  readAuditLog!: boolean;

  @Field(() => Boolean)
  manageDomains!: boolean;

  @Field(() => Boolean, { description: 'True for signed-in people not yet in an organisation.' })
  requestToJoin!: boolean;
}

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => Organisation, { nullable: true, description: 'One organisation by GSS code or slug.' })
  organisation(
    @Ctx() { em }: Context,
    @Arg('gssCode', () => String, { nullable: true }) gssCode?: string | null,
    @Arg('slug', () => String, { nullable: true }) slug?: string | null,
  ): Promise<Organisation | null> {
    return findOrganisation(em, { gssCode, slug });
  }

  @Query(() => OrganisationConnection, { description: 'Councils and partner organisations, by name.' })
  organisations(
    @Ctx() { em }: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OrganisationFilter, { nullable: true }) filter?: OrganisationFilter | null,
  ) {
    return listOrganisations(em, filter, page);
  }

  @FieldResolver(() => [OrganisationDomain], { description: 'Email domains whose people join this organisation when they sign in.' })
  domains(@Ctx() { em }: Context, @Root() organisation: Organisation): Promise<OrganisationDomain[]> {
    return organisationDomains(em, organisation.id);
  }

  @FieldResolver(() => [Member], { nullable: true, description: 'Its members; visible to them and to platform admins (null otherwise).' })
  async members(@Ctx() { em, viewer }: Context, @Root() organisation: Organisation): Promise<Member[] | null> {
    if (!organisationPolicy.seeMembers(viewer, organisation)) return null;
    return organisationMembers(em, organisation.id);
  }

  @FieldResolver(() => [JoinRequest], { nullable: true, description: 'Requests waiting for a decision; for its admins (null otherwise).' })
  async joinRequests(@Ctx() { em, viewer }: Context, @Root() organisation: Organisation): Promise<JoinRequest[] | null> {
    if (!organisationPolicy.manageMembers(viewer, organisation)) return null;
    return pendingJoinRequests(em, organisation.id);
  }

  @FieldResolver(() => [ApiKey], { nullable: true, description: 'Its partner API keys (never the secrets); for its admins (null otherwise).' })
  async apiKeys(@Ctx() { em, viewer }: Context, @Root() organisation: Organisation): Promise<ApiKey[] | null> {
    if (!organisationPolicy.manageApiKeys(viewer, organisation)) return null;
    return listApiKeys(em, organisation.id);
  }

  @FieldResolver(() => OrganisationPermissions)
  viewerCan(@Ctx() { viewer }: Context, @Root() organisation: Organisation): OrganisationPermissions {
    return {
      manageMembers: organisationPolicy.manageMembers(viewer, organisation),
      manageApiKeys: organisationPolicy.manageApiKeys(viewer, organisation),
      readAuditLog: organisationPolicy.readAuditLog(viewer, organisation),
      manageDomains: organisationPolicy.manageDomains(viewer),
      requestToJoin: organisationPolicy.requestToJoin(viewer),
    };
  }

  @FieldResolver(() => HexPosition, { nullable: true })
  hexPosition(@Root() organisation: Organisation): HexPosition | null {
    if (organisation.hexLayout === null || organisation.hexQ === null || organisation.hexR === null) return null;
    return { layout: organisation.hexLayout, q: organisation.hexQ, r: organisation.hexR };
  }
}
