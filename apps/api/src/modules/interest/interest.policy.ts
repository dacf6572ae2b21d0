import { ExperimentStatus } from '@synapse/domain';
import type { Experiment } from '../experiment/experiment.entity.js';
import { type ExperimentAccess, experimentPolicy, organisationIdOf } from '../experiment/experiment.policy.js';
import type { Member } from '../member/member.entity.js';

// Interest is recorded for an organisation, by any of its signed-in members, on a published experiment led by
// another organisation. Counts are public; who is interested (and their notes) is for the experiment's team.
export const interestPolicy = {
  set(member: Member | null, experiment: Experiment): boolean {
    const organisationId = organisationIdOf(member);
    return member !== null && member.deletedAt === null && organisationId !== null && experiment.status === ExperimentStatus.PUBLISHED && organisationId !== experiment.leadOrganisation.id;
  },
  seeWho(access: ExperimentAccess): boolean {
    return experimentPolicy.team(access);
  },
};
