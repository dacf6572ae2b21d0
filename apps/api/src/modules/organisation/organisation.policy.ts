import { MemberRole } from '@synapse/domain';
import type { Member } from '../member/member.entity.js';
import type { Organisation } from './organisation.entity.js';

// Who may manage what about an organisation. Deny by default.
//   manageMembers   approve join requests, change roles, remove members: its admins, platform admins
//   manageApiKeys   its admins
//   readAuditLog    its admins, platform admins
//   manageDomains   platform admins only (a domain decides who joins a council); they also add partner organisations

function isAdminOf(member: Member | null, organisation: Organisation): boolean {
  return member !== null && member.organisation?.id === organisation.id && member.role === MemberRole.ADMIN;
}

function isPlatformAdmin(member: Member | null): boolean {
  return member?.platformAdmin === true;
}

export const organisationPolicy = {
  manageMembers(member: Member | null, organisation: Organisation): boolean {
    return isAdminOf(member, organisation) || isPlatformAdmin(member);
  },
  manageApiKeys(member: Member | null, organisation: Organisation): boolean {
    return isAdminOf(member, organisation);
  },
  readAuditLog(member: Member | null, organisation: Organisation): boolean {
    return isAdminOf(member, organisation) || isPlatformAdmin(member);
  },
  manageDomains(member: Member | null): boolean {
    return isPlatformAdmin(member);
  },
  /** Members of the organisation (and platform admins) see its member list. */
  seeMembers(member: Member | null, organisation: Organisation): boolean {
    return (member !== null && member.organisation?.id === organisation.id) || isPlatformAdmin(member);
  },
  /** Unaffiliated signed-in people may ask to join. */
  requestToJoin(member: Member | null): boolean {
    return member !== null && member.organisation === null;
  },
};
