import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { JoinRequest } from './join-request.entity.js';
import { AddCoEditorInput, AddOrganisationDomainInput, CreatePartnerOrganisationInput, RequestToJoinInput, SetMemberRoleInput } from './membership.inputs.js';
import {
  addCoEditor,
  addOrganisationDomain,
  createPartnerOrganisation,
  decideJoinRequest,
  removeCoEditor,
  removeMember,
  removeOrganisationDomain,
  requestToJoin,
  setMemberRole,
} from './membership.service.js';
import { OrganisationDomain } from './organisation-domain.entity.js';

@Resolver()
export class MembershipResolver {
  @Mutation(() => Organisation, { description: 'Adds a partner organisation. Platform admins only.' })
  createPartnerOrganisation(@Ctx() { em, viewer }: Context, @Arg('input', () => CreatePartnerOrganisationInput) input: CreatePartnerOrganisationInput) {
    return createPartnerOrganisation(em, viewer, input);
  }

  @Mutation(() => OrganisationDomain, { description: 'Verifies an email domain for an organisation. Platform admins only.' })
  addOrganisationDomain(@Ctx() { em, viewer }: Context, @Arg('input', () => AddOrganisationDomainInput) input: AddOrganisationDomainInput) {
    return addOrganisationDomain(em, viewer, input.organisationId, input.domain);
  }

  @Mutation(() => ID, { description: 'Removes a verified domain (members already in stay in). Platform admins only.' })
  removeOrganisationDomain(@Ctx() { em, viewer }: Context, @Arg('id', () => ID) id: string) {
    return removeOrganisationDomain(em, viewer, id);
  }

  @Mutation(() => JoinRequest, { description: 'Asks to join an organisation, for people whose email domain is not verified.' })
  requestToJoinOrganisation(@Ctx() { em, viewer }: Context, @Arg('input', () => RequestToJoinInput) input: RequestToJoinInput) {
    return requestToJoin(em, viewer, input.organisationId, input.message ?? null);
  }

  @Mutation(() => JoinRequest, { description: 'Approves (as a member) or rejects a request to join. Organisation admins.' })
  decideJoinRequest(@Ctx() { em, viewer }: Context, @Arg('id', () => ID) id: string, @Arg('approve', () => Boolean) approve: boolean) {
    return decideJoinRequest(em, viewer, id, approve);
  }

  @Mutation(() => Member, { description: 'Makes someone a member, editor or admin. Organisation admins.' })
  setMemberRole(@Ctx() { em, viewer }: Context, @Arg('input', () => SetMemberRoleInput) input: SetMemberRoleInput) {
    return setMemberRole(em, viewer, input.memberId, input.role);
  }

  @Mutation(() => Member, { description: 'Takes someone out of the organisation; its content stays. Organisation admins.' })
  removeMember(@Ctx() { em, viewer }: Context, @Arg('memberId', () => ID) memberId: string) {
    return removeMember(em, viewer, memberId);
  }

  @Mutation(() => Experiment, { description: 'Names a co-editor from another organisation. Editors of the lead organisation.' })
  addCoEditor(@Ctx() { em, viewer }: Context, @Arg('input', () => AddCoEditorInput) input: AddCoEditorInput) {
    return addCoEditor(em, viewer, input.experimentId, input.email);
  }

  @Mutation(() => Experiment)
  removeCoEditor(@Ctx() { em, viewer }: Context, @Arg('experimentId', () => ID) experimentId: string, @Arg('memberId', () => ID) memberId: string) {
    return removeCoEditor(em, viewer, experimentId, memberId);
  }
}

@Resolver(() => JoinRequest)
export class JoinRequestResolver {
  @FieldResolver(() => Member)
  member(@Root() request: JoinRequest): Promise<Member> {
    return request.member.loadOrFail();
  }

  @FieldResolver(() => Organisation)
  organisation(@Root() request: JoinRequest): Promise<Organisation> {
    return request.organisation.loadOrFail();
  }
}
