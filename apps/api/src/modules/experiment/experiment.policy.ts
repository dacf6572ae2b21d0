import { ExperimentStatus, MemberRole } from '@synapse/domain';
import type { Member } from '../member/member.entity.js';
import type { Experiment } from './experiment.entity.js';

// Who may do what to which experiment, in one place. Deny by default: every rule needs a signed-in member.
//   team       members of the lead organisation (any role) and named co-editors
//   edit       editors and admins of the lead organisation, and named co-editors
//   publish    editors and admins of the lead organisation
//   archive    admins of the lead organisation
//   view       anyone, once published; the team, before
// Outcomes and artefacts follow their experiment's edit rule.

/** What the policy needs to know about a member and an experiment. */
export interface ExperimentAccess {
  member: Member | null;
  experiment: Experiment;
  /** Whether the member is a named co-editor of this experiment (looked up by the caller). */
  coEditor: boolean;
}

export function organisationIdOf(member: Member | null): string | null {
  return member?.organisation?.id ?? null;
}

function inLeadOrganisation({ member, experiment }: ExperimentAccess): boolean {
  return member !== null && organisationIdOf(member) === experiment.leadOrganisation.id;
}

function hasRole(member: Member | null, ...roles: MemberRole[]): boolean {
  return member !== null && roles.includes(member.role);
}

export const experimentPolicy = {
  view(access: ExperimentAccess): boolean {
    return access.experiment.status === ExperimentStatus.PUBLISHED || experimentPolicy.team(access);
  },
  team(access: ExperimentAccess): boolean {
    return access.member !== null && (inLeadOrganisation(access) || access.coEditor);
  },
  edit(access: ExperimentAccess): boolean {
    return (inLeadOrganisation(access) && hasRole(access.member, MemberRole.EDITOR, MemberRole.ADMIN)) || (access.member !== null && access.coEditor);
  },
  publish(access: ExperimentAccess): boolean {
    return inLeadOrganisation(access) && hasRole(access.member, MemberRole.EDITOR, MemberRole.ADMIN);
  },
  archive(access: ExperimentAccess): boolean {
    return inLeadOrganisation(access) && hasRole(access.member, MemberRole.ADMIN);
  },
  manageTeam(access: ExperimentAccess): boolean {
    return inLeadOrganisation(access) && hasRole(access.member, MemberRole.EDITOR, MemberRole.ADMIN);
  },
  /** Editors and admins start experiments for their own organisation. */
  create(member: Member | null): member is Member {
    return organisationIdOf(member) !== null && hasRole(member, MemberRole.EDITOR, MemberRole.ADMIN);
  },
};
