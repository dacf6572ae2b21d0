import { MemberRole } from '@synapse/domain';
import type { Member } from '../member/member.entity.js';

// Who may do what with review cycles and the attention list. Deny by default.
//   confirm still accurate, register measures   the experiment's edit rule (editors, admins, co-editors)
//   see the attention list                      editors and admins of an organisation, for that organisation
//   see join requests in it                     admins only (they decide them)
//   switch reminders                            any signed-in member, for themselves

export const freshnessPolicy = {
  seeAttention(member: Member | null): member is Member {
    return member !== null && member.organisation !== null && [MemberRole.EDITOR, MemberRole.ADMIN].includes(member.role);
  },
  seeJoinRequests(member: Member): boolean {
    return member.role === MemberRole.ADMIN;
  },
};
