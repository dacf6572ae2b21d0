import type { FilterQuery } from '@mikro-orm/core';
import { MAX_NEIGHBOURS, neighboursOf, referenceNeighbours } from '@synapse/reference-data';
import type { EntityManager } from '../../db/orm.js';
import { requestLoader } from '../../db/request-loader.js';
import { BadInputError } from '../../errors.js';
import type { Experiment } from '../experiment/experiment.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import type { SimilarCouncil } from './similar-council.types.js';

/** How many neighbours "councils like X" means when the caller does not say. */
export const DEFAULT_SIMILAR_COUNT = 10;

/** The GSS codes of a council's nearest neighbours (not the council itself); BAD_USER_INPUT for a code with none. */
export function similarCodes(gssCode: string, count: number | null | undefined, field: string, countField: string): string[] {
  const wanted = count ?? DEFAULT_SIMILAR_COUNT;
  if (!Number.isInteger(wanted) || wanted < 1 || wanted > MAX_NEIGHBOURS) {
    throw BadInputError.field(countField, `must be from 1 to ${MAX_NEIGHBOURS}`);
  }
  const record = referenceNeighbours().byCode.get(gssCode);
  const neighbours = neighboursOf(gssCode, wanted);
  if (!record || neighbours.length === 0) {
    throw BadInputError.field(field, record ? `${record.name} is not a council with statistical neighbours` : 'is not the GSS code of a current UK council');
  }
  return neighbours.map((n) => n.gssCode);
}

/** Organisations by GSS code, batched per request: one query however many councils ask. */
async function organisationsWithCodes(em: EntityManager, codes: readonly string[]): Promise<(Organisation | null)[]> {
  const found = await em.find(Organisation, { gssCode: { $in: [...codes] } });
  const byCode = new Map(found.map((organisation) => [organisation.gssCode, organisation]));
  return codes.map((code) => byCode.get(code) ?? null);
}
function organisationsByCode(em: EntityManager) {
  return requestLoader(em, organisationsWithCodes);
}

/** A council's nearest neighbours with their organisations, nearest first; [] for partners and combined authorities. */
export async function similarCouncils(em: EntityManager, organisation: Organisation, first: number): Promise<SimilarCouncil[]> {
  if (!Number.isInteger(first) || first < 0 || first > MAX_NEIGHBOURS) throw BadInputError.field('first', `must be from 0 to ${MAX_NEIGHBOURS}`);
  if (!organisation.gssCode || first === 0) return [];
  const neighbours = neighboursOf(organisation.gssCode, first);
  const organisations = await organisationsByCode(em).loadMany(neighbours.map((n) => n.gssCode));
  return neighbours.flatMap((neighbour, i) => {
    const found = organisations[i];
    return found instanceof Organisation ? [{ ...neighbour, organisation: found }] : [];
  });
}

/** Other names a council goes by, from the reference data ([] for partners). */
export function alternativeNames(organisation: Organisation): string[] {
  const record = organisation.gssCode ? referenceNeighbours().byCode.get(organisation.gssCode) : undefined;
  return record?.altNames.filter((name) => name !== record.name) ?? [];
}

/** Experiments led by, or run in, any of these councils (a subquery for places, so many places never duplicate a row). */
export function ledOrRunIn(codes: string[]): FilterQuery<Experiment> {
  return { $or: [{ leadOrganisation: { gssCode: { $in: codes } } }, { places: { $some: { gssCode: { $in: codes } } } }] };
}

/** Experiments neither led by nor run in any of these councils. */
export function notLedOrRunIn(codes: string[]): FilterQuery<Experiment> {
  return {
    $and: [
      { $or: [{ leadOrganisation: { gssCode: null } }, { leadOrganisation: { gssCode: { $nin: codes } } }] },
      { places: { $none: { gssCode: { $in: codes } } } },
    ],
  };
}

/** The neighbour filters: the public `similarToCouncil` (+ `similarCount`), and the internal split `preferSimilarTo` uses. */
export interface SimilarFilter {
  similarToCouncil?: string | null;
  similarCount?: number | null;
  /** Internal (not in the schema): only experiments led by or run in these councils. */
  onlyCouncils?: string[];
  /** Internal (not in the schema): only experiments neither led by nor run in these councils. */
  exceptCouncils?: string[];
}

/** The neighbour filters as a database condition, or null when the filter does not ask for them. */
export function similarCondition(filter: SimilarFilter | null | undefined): FilterQuery<Experiment> | null {
  const conditions: FilterQuery<Experiment>[] = [];
  if (filter?.similarToCouncil) {
    conditions.push(ledOrRunIn(similarCodes(filter.similarToCouncil, filter.similarCount, 'filter.similarToCouncil', 'filter.similarCount')));
  }
  if (filter?.onlyCouncils) conditions.push(ledOrRunIn(filter.onlyCouncils));
  if (filter?.exceptCouncils) conditions.push(notLedOrRunIn(filter.exceptCouncils));
  if (conditions.length === 0) return null;
  return conditions.length === 1 ? conditions[0]! : { $and: conditions };
}

const quote = (code: string) => `"${code.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Meilisearch clauses for experiments led by or run in these councils (or, with `exclude`, neither). */
export function meiliLedOrRunIn(codes: string[], exclude = false): string {
  const list = `[${codes.map(quote).join(', ')}]`;
  return exclude ? `(NOT leadGssCode IN ${list} AND NOT placeGssCodes IN ${list})` : `(leadGssCode IN ${list} OR placeGssCodes IN ${list})`;
}

/** The neighbour filters as Meilisearch clauses ([] when not asked for). */
export function similarMeiliClauses(filter: SimilarFilter | null | undefined): string[] {
  const clauses: string[] = [];
  if (filter?.similarToCouncil) {
    clauses.push(meiliLedOrRunIn(similarCodes(filter.similarToCouncil, filter.similarCount, 'filter.similarToCouncil', 'filter.similarCount')));
  }
  if (filter?.onlyCouncils) clauses.push(meiliLedOrRunIn(filter.onlyCouncils));
  if (filter?.exceptCouncils) clauses.push(meiliLedOrRunIn(filter.exceptCouncils, true));
  return clauses;
}
