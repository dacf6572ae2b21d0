import { ref } from '@mikro-orm/core';
import { cleanWrittenText, InterestLevel } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { requestLoader } from '../../db/request-loader.js';
import { selectIn } from '../../db/rows.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { experimentEntity, type ExperimentRowRoot } from '../experiment/experiment-row.js';
import { experimentPolicy } from '../experiment/experiment.policy.js';
import { accessFor } from '../experiment/experiment.service.js';
import { Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Interest } from './interest.entity.js';
import type { SetInterestInput } from './interest.inputs.js';
import { interestPolicy } from './interest.policy.js';

/** Records, changes or (level null) removes the viewer's organisation's interest in an experiment. */
export async function setInterest(em: EntityManager, viewer: Member | null, input: SetInterestInput): Promise<Experiment> {
  if (!viewer) throw new ForbiddenError('record interest: sign in first');
  return em.transactional(async (tem) => {
    const experiment = await tem.findOne(Experiment, { id: input.experimentId });
    if (!experiment || !experimentPolicy.view(await accessFor(viewer, experiment))) throw new NotFoundError('Experiment', input.experimentId);
    if (!interestPolicy.set(viewer, experiment)) throw new ForbiddenError("record interest in this experiment (you need to belong to an organisation other than the experiment's)");
    const organisationId = viewer.organisation!.id;
    const existing = await tem.findOne(Interest, { experiment: experiment.id, organisation: organisationId });
    if (!input.level) {
      if (existing) tem.remove(existing);
    } else {
      const interest = existing ?? Object.assign(new Interest(), { experiment: ref(experiment), organisation: ref(tem.getReference(Organisation, organisationId)) });
      if (!existing) tem.persist(interest);
      Object.assign(interest, {
        member: ref(tem.getReference(Member, viewer.id)),
        level: input.level,
        note: input.note ? cleanWrittenText(input.note) || null : null,
        updatedAt: new Date(),
      });
    }
    await tem.flush();
    return experiment;
  });
}

export interface InterestCounts {
  total: number;
  considering: number;
  planning: number;
  trying: number;
}

async function countInterest(em: EntityManager, ids: readonly string[]): Promise<InterestCounts[]> {
  // Counted by the database in plain SQL (db/rows.ts): a page of search hits asks this on every search.
  const rows = await selectIn<{ experiment_id: string; level: InterestLevel; n: number | string }>(
    em,
    'select experiment_id, level, count(*) as n from interests where experiment_id in (%s) group by experiment_id, level',
    [...new Set(ids)],
  );
  const counts = new Map(ids.map((id) => [id, { total: 0, considering: 0, planning: 0, trying: 0 }]));
  for (const row of rows) {
    const entry = counts.get(row.experiment_id)!;
    const n = Number(row.n);
    entry.total += n;
    if (row.level === InterestLevel.CONSIDERING) entry.considering += n;
    else if (row.level === InterestLevel.PLANNING) entry.planning += n;
    else entry.trying += n;
  }
  return ids.map((id) => counts.get(id)!);
}

/** Interest counts for a page of experiments (search hits) in one query, per request. */
export function interestCounts(em: EntityManager) {
  return requestLoader(em, countInterest);
}

/** Each experiment's interest entries, newest first, with who recorded them: one query for the request's items. */
async function entriesOfExperiments(em: EntityManager, experimentIds: readonly string[]): Promise<Interest[][]> {
  const entries = await em.find(Interest, { experiment: { $in: [...experimentIds] } }, { orderBy: { updatedAt: 'desc' }, populate: ['organisation', 'member'] });
  return experimentIds.map((id) => entries.filter((entry) => entry.experiment.id === id));
}

/** Who is interested in an experiment, for its team (null for others). */
export async function interestEntries(em: EntityManager, viewer: Member | null, experiment: Experiment | ExperimentRowRoot): Promise<Interest[] | null> {
  if (!interestPolicy.seeWho(await accessFor(viewer, await experimentEntity(em, experiment)))) return null;
  return requestLoader(em, entriesOfExperiments).load(experiment.id);
}

async function interestsOfOrganisation(em: EntityManager, keys: readonly { organisationId: string; experimentId: string }[]): Promise<(Interest | null)[]> {
  const found = await em.find(Interest, {
    organisation: { $in: [...new Set(keys.map((key) => key.organisationId))] },
    experiment: { $in: [...new Set(keys.map((key) => key.experimentId))] },
  });
  return keys.map((key) => found.find((interest) => interest.organisation.id === key.organisationId && interest.experiment.id === key.experimentId) ?? null);
}

/** The viewer's organisation's interest in an experiment, if it recorded one. */
export function viewerInterest(em: EntityManager, viewer: Member | null, experimentId: string): Promise<Interest | null> {
  const organisationId = viewer?.organisation?.id;
  return organisationId ? requestLoader(em, interestsOfOrganisation).load({ organisationId, experimentId }) : Promise.resolve(null);
}
