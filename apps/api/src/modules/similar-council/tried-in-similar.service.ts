import { ExperimentStatus, Verdict } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { requestLoader } from '../../db/request-loader.js';
import { BadInputError } from '../../errors.js';
import type { Experiment } from '../experiment/experiment.entity.js';
import { latestVerdict, loadFamily } from '../lineage/lineage.service.js';
import type { Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { similarCodes } from './similar-council.service.js';
import type { SimilarCouncilTrial, TriedInSimilarCouncils } from './tried-in-similar.types.js';

/** Ties are listed in the verdicts' own order: worked, mixed, no effect, harmful, inconclusive, stopped early. */
const ORDER = Object.values(Verdict);
const words = (verdict: Verdict) => verdict.toLowerCase().replace(/_/g, ' ');

/** "Tried in 3 councils like Wigan: worked in 2, mixed in 1." */
export function trialSummary(councilName: string, count: number, verdicts: { verdict: Verdict; count: number }[], withoutOutcome: number): string {
  if (count === 0) return `Not tried yet in councils like ${councilName}.`;
  const parts = verdicts.map(({ verdict, count: n }) => `${words(verdict)} in ${n}`);
  if (withoutOutcome) parts.push(`no result yet in ${withoutOutcome}`);
  return `Tried in ${count} ${count === 1 ? 'council' : 'councils'} like ${councilName}: ${parts.join(', ')}.`;
}

/** The council "like mine" means: the one asked for, else the signed-in member's own; null when there is neither. */
async function referenceCouncil(em: EntityManager, viewer: Member | null, gssCode: string | null | undefined): Promise<Organisation | null> {
  if (gssCode) return requestLoader(em, councilsByCode).load(gssCode);
  const id = viewer?.organisation?.id;
  return id ? requestLoader(em, organisationsById).load(id) : null;
}

/** Keyed lookups, once per request for every item asking (each item of a page asks the same). */
async function councilsByCode(em: EntityManager, codes: readonly string[]): Promise<(Organisation | null)[]> {
  const found = await em.find(Organisation, { gssCode: { $in: [...codes] } });
  return codes.map((code) => found.find((organisation) => organisation.gssCode === code) ?? null);
}

async function organisationsById(em: EntityManager, ids: readonly string[]): Promise<(Organisation | null)[]> {
  const found = await em.find(Organisation, { id: { $in: [...ids] } });
  return ids.map((id) => found.find((organisation) => organisation.id === id) ?? null);
}

/**
 * Where the experiment's family (published members the viewer may see) ran among a council's nearest neighbours,
 * each council counted once by the latest family member that ran there, as lead or as a place.
 */
export async function triedInSimilarCouncils(
  em: EntityManager,
  viewer: Member | null,
  experiment: Experiment,
  options: { to?: string | null; similarCount?: number | null },
): Promise<TriedInSimilarCouncils | null> {
  const council = await referenceCouncil(em, viewer, options.to);
  if (options.to && !council) throw BadInputError.field('to', 'is not the GSS code of a council on Synapse');
  if (!council?.gssCode) return null;
  let codes: string[];
  try {
    codes = similarCodes(council.gssCode, options.similarCount, 'to', 'similarCount');
  } catch (error) {
    if (options.to || options.similarCount != null) throw error;
    return null; // your own organisation has no neighbours (a partner or a combined authority): nothing to say
  }
  const family = await loadFamily(em, viewer, experiment.familyId ?? experiment.id);
  const published = family.visible.filter((member) => member.status === ExperimentStatus.PUBLISHED).reverse(); // newest first
  const trials: SimilarCouncilTrial[] = [];
  for (const code of codes) {
    for (const member of published) {
      const where = [member.leadOrganisation.getEntity(), ...member.places.getItems()].find((place) => place.gssCode === code);
      if (where) {
        trials.push({ organisation: where, experiment: member, verdict: latestVerdict(member) });
        break;
      }
    }
  }
  const counts = new Map<Verdict, number>();
  for (const trial of trials) if (trial.verdict) counts.set(trial.verdict, (counts.get(trial.verdict) ?? 0) + 1);
  const verdictCounts = [...counts].map(([verdict, count]) => ({ verdict, count })).sort((a, b) => b.count - a.count || ORDER.indexOf(a.verdict) - ORDER.indexOf(b.verdict));
  const withoutOutcome = trials.filter((trial) => !trial.verdict).length;
  return {
    council,
    councilCount: trials.length,
    verdictCounts,
    withoutOutcome,
    trials,
    summary: trialSummary(council.name, trials.length, verdictCounts, withoutOutcome),
  };
}
