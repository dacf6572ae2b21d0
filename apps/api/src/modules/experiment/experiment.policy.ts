import { ExperimentStatus, MemberRole } from '@synapse/domain';
import type { Member } from '../member/member.entity.js';
import type { Experiment } from './experiment.entity.js';

// Who may do what to which experiment, in one place. Deny by default: every rule needs a member.
// (The identity issue widens this to named co-editors from partner organisations.)

function organisationId(member: Member): string {
  return member.organisation.id;
}

function isTeam(member: Member | null, experiment: Experiment): member is Member {
  return member !== null && organisationId(member) === experiment.leadOrganisation.id;
}

function isEditor(member: Member): boolean {
  return member.role === MemberRole.EDITOR || member.role === MemberRole.ADMIN;
}

export const experimentPolicy = {
  /** Published experiments are public; drafts and archived ones are seen only by their team. */
  view(member: Member | null, experiment: Experiment): boolean {
    return experiment.status === ExperimentStatus.PUBLISHED || isTeam(member, experiment);
  },
  /** Editors and admins of the lead organisation. */
  edit(member: Member | null, experiment: Experiment): boolean {
    return isTeam(member, experiment) && isEditor(member);
  },
  publish(member: Member | null, experiment: Experiment): boolean {
    return experimentPolicy.edit(member, experiment) && experiment.status !== ExperimentStatus.PUBLISHED;
  },
  archive(member: Member | null, experiment: Experiment): boolean {
    return experimentPolicy.edit(member, experiment) && experiment.status !== ExperimentStatus.ARCHIVED;
  },
  /** Any editor may start an experiment for their own organisation. */
  create(member: Member | null): member is Member {
    return member !== null && isEditor(member);
  },
  /** The organisation whose drafts this member may see, if any. */
  draftScope(member: Member | null): string | null {
    return member ? organisationId(member) : null;
  },
};
