import { ref } from '@mikro-orm/core';
import { MemberRole, type OrganisationKind } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { uniqueSlug } from '../../db/unique-slug.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../../errors.js';
import { ExperimentTeamMember } from '../experiment/experiment-team-member.entity.js';
import { loadForChange } from '../experiment/experiment.service.js';
import type { Experiment } from '../experiment/experiment.entity.js';
import { normaliseEmail } from '../identity/identity.service.js';
import { Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { organisationPolicy } from '../organisation/organisation.policy.js';
import { JoinRequest, JoinRequestStatus } from './join-request.entity.js';
import { OrganisationDomain } from './organisation-domain.entity.js';

/** Platform admins add partner organisations (councils are reference data). */
export function createPartnerOrganisation(
  em: EntityManager,
  viewer: Member | null,
  input: { name: string; officialName?: string | null; kind: OrganisationKind },
): Promise<Organisation> {
  return em.transactional(async (tem) => {
    if (!organisationPolicy.manageDomains(viewer)) throw new ForbiddenError('create organisations');
    const name = input.name.trim();
    const slug = await uniqueSlug(tem, Organisation, name, 'organisation');
    const organisation = Object.assign(new Organisation(), { name, officialName: input.officialName?.trim() || name, kind: input.kind, slug });
    await tem.persist(organisation).flush();
    return organisation;
  });
}

async function organisationOrFail(em: EntityManager, id: string): Promise<Organisation> {
  const organisation = await em.findOne(Organisation, { id });
  if (!organisation) throw new NotFoundError('Organisation', id);
  return organisation;
}

export function addOrganisationDomain(em: EntityManager, viewer: Member | null, organisationId: string, domain: string): Promise<OrganisationDomain> {
  return em.transactional(async (tem) => {
    if (!organisationPolicy.manageDomains(viewer)) throw new ForbiddenError('manage verified domains');
    const organisation = await organisationOrFail(tem, organisationId);
    if (await tem.findOne(OrganisationDomain, { domain })) throw BadInputError.field('input.domain', 'this domain is already verified for an organisation');
    const entry = Object.assign(new OrganisationDomain(), { domain, organisation: ref(organisation) });
    await tem.persist(entry).flush();
    return entry;
  });
}

export function removeOrganisationDomain(em: EntityManager, viewer: Member | null, id: string): Promise<string> {
  return em.transactional(async (tem) => {
    if (!organisationPolicy.manageDomains(viewer)) throw new ForbiddenError('manage verified domains');
    const entry = await tem.findOne(OrganisationDomain, { id });
    if (!entry) throw new NotFoundError('Domain', id);
    await tem.remove(entry).flush();
    return id;
  });
}

export function requestToJoin(em: EntityManager, viewer: Member | null, organisationId: string, message: string | null): Promise<JoinRequest> {
  return em.transactional(async (tem) => {
    if (!viewer || !organisationPolicy.requestToJoin(viewer)) throw new ForbiddenError('ask to join: sign in first, and leave your current organisation');
    const organisation = await organisationOrFail(tem, organisationId);
    if (await tem.findOne(JoinRequest, { member: viewer.id, status: JoinRequestStatus.PENDING })) {
      throw BadInputError.field('input.organisationId', 'you already have a request waiting for a decision');
    }
    const request = Object.assign(new JoinRequest(), {
      member: tem.getReference(Member, viewer.id, { wrapped: true }),
      organisation: ref(organisation),
      message: message?.trim() || null,
    });
    await tem.persist(request).flush();
    return request;
  });
}

export async function decideJoinRequest(em: EntityManager, viewer: Member | null, id: string, approve: boolean): Promise<JoinRequest> {
  return em.transactional(async (tem) => {
    const request = await tem.findOne(JoinRequest, { id }, { populate: ['organisation', 'member'] });
    if (!request) throw new NotFoundError('Join request', id);
    if (!organisationPolicy.manageMembers(viewer, request.organisation.getEntity())) throw new ForbiddenError('decide join requests for this organisation');
    if (request.status !== JoinRequestStatus.PENDING) throw BadInputError.field('id', 'this request has already been decided');
    request.status = approve ? JoinRequestStatus.APPROVED : JoinRequestStatus.REJECTED;
    request.decidedAt = new Date();
    const member = request.member.getEntity();
    if (approve) {
      if (member.organisation) throw BadInputError.field('id', 'this person has joined another organisation since asking');
      member.organisation = request.organisation;
      member.role = MemberRole.MEMBER;
    }
    return request;
  });
}

async function memberOfManagedOrganisation(em: EntityManager, viewer: Member | null, memberId: string): Promise<Member> {
  const member = await em.findOne(Member, { id: memberId, deletedAt: null }, { populate: ['organisation'] });
  if (!member || !member.organisation) throw new NotFoundError('Member', memberId);
  if (!organisationPolicy.manageMembers(viewer, member.organisation.getEntity())) throw new ForbiddenError('manage the members of this organisation');
  return member;
}

async function assertAnotherAdmin(em: EntityManager, member: Member): Promise<void> {
  if (member.role !== MemberRole.ADMIN) return;
  const admins = await em.count(Member, { organisation: member.organisation!.id, role: MemberRole.ADMIN, deletedAt: null });
  if (admins <= 1) throw BadInputError.field('input.memberId', 'an organisation needs at least one admin: make someone else an admin first');
}

export async function setMemberRole(em: EntityManager, viewer: Member | null, memberId: string, role: MemberRole): Promise<Member> {
  return em.transactional(async (tem) => {
    const member = await memberOfManagedOrganisation(tem, viewer, memberId);
    if (role !== MemberRole.ADMIN) await assertAnotherAdmin(tem, member);
    member.role = role;
    return member;
  });
}

/** Takes someone out of an organisation; they stay a reader, and the organisation keeps its content. */
export async function removeMember(em: EntityManager, viewer: Member | null, memberId: string): Promise<Member> {
  return em.transactional(async (tem) => {
    const member = await memberOfManagedOrganisation(tem, viewer, memberId);
    await assertAnotherAdmin(tem, member);
    member.organisation = null;
    member.role = MemberRole.MEMBER;
    return member;
  });
}

export async function addCoEditor(em: EntityManager, viewer: Member | null, experimentId: string, email: string): Promise<Experiment> {
  return em.transactional(async (tem) => {
    const experiment = await loadForChange(tem, viewer, experimentId, 'manageTeam');
    const member = await tem.findOne(Member, { email: normaliseEmail(email), deletedAt: null });
    if (!member) throw BadInputError.field('input.email', 'nobody has signed in to Synapse with this address yet');
    if (member.organisation?.id === experiment.leadOrganisation.id) {
      throw BadInputError.field('input.email', 'members of the lead organisation are already on the team');
    }
    await ensureCoEditor(tem, experiment, member);
    return experiment;
  });
}

/** Names a co-editor (nothing if they already are): the one way in, for addCoEditor and accepted invitations. */
export async function ensureCoEditor(em: EntityManager, experiment: Experiment, member: Member): Promise<void> {
  if (!(await em.findOne(ExperimentTeamMember, { experiment: experiment.id, member: member.id }))) {
    em.persist(Object.assign(new ExperimentTeamMember(), { experiment: ref(experiment), member: ref(member) }));
  }
}

export async function removeCoEditor(em: EntityManager, viewer: Member | null, experimentId: string, memberId: string): Promise<Experiment> {
  return em.transactional(async (tem) => {
    const experiment = await loadForChange(tem, viewer, experimentId, 'manageTeam');
    const entry = await tem.findOne(ExperimentTeamMember, { experiment: experiment.id, member: memberId });
    if (!entry) throw new NotFoundError('Co-editor', memberId);
    tem.remove(entry);
    return experiment;
  });
}

/** An organisation's requests waiting for a decision, oldest first (the caller has checked the viewer may decide them). */
export function pendingJoinRequests(em: EntityManager, organisationId: string): Promise<JoinRequest[]> {
  return em.find(JoinRequest, { organisation: organisationId, status: JoinRequestStatus.PENDING }, { orderBy: { createdAt: 'asc' } });
}
