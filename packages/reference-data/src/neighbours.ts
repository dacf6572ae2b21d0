import { CouncilType, RuralUrbanClass } from '@synapse/domain';
import type { CouncilRecord } from './councils.js';

/**
 * Statistical nearest neighbours of UK councils, computed from the open reference data.
 * The method (variables, weights, tier matrix, distance, similarity) is explained in docs/councils-like-mine.md;
 * change the numbers here and there together.
 */

/** How a council's powers and legal system compare with another's: councils in one group have the same powers. */
export type TierGroup = 'COUNTY' | 'DISTRICT' | 'UNITARY' | 'METROPOLITAN' | 'LONDON' | 'SCOTLAND' | 'WALES' | 'NORTHERN_IRELAND';

const TIER_GROUPS: Partial<Record<CouncilType, TierGroup>> = {
  [CouncilType.COUNTY]: 'COUNTY',
  [CouncilType.NON_METROPOLITAN_DISTRICT]: 'DISTRICT',
  [CouncilType.UNITARY_AUTHORITY]: 'UNITARY',
  [CouncilType.METROPOLITAN_DISTRICT]: 'METROPOLITAN',
  [CouncilType.LONDON_BOROUGH]: 'LONDON',
  [CouncilType.CITY_CORPORATION]: 'LONDON',
  [CouncilType.SCOTTISH_UNITARY_AUTHORITY]: 'SCOTLAND',
  [CouncilType.WELSH_UNITARY_AUTHORITY]: 'WALES',
  [CouncilType.NI_DISTRICT]: 'NORTHERN_IRELAND',
};

/** The group of a council type; null for combined and strategic authorities, which get no neighbours. */
export function tierGroup(type: CouncilType): TierGroup | null {
  return TIER_GROUPS[type] ?? null;
}

/**
 * Distance between tier groups, 0 (same powers, same system) to 1 (different jobs altogether).
 * A shire district runs no social care or education, so it is 1 from every all-purpose council; Northern
 * Ireland's districts lack the same services, so they sit nearest to shire districts. Unitaries, metropolitan
 * boroughs and London boroughs have the same services in different structures (combined authorities, the GLA);
 * Scottish and Welsh councils are all-purpose too, under other legislation.
 */
const TIER_MATRIX: Record<TierGroup, Record<TierGroup, number>> = {
  COUNTY: { COUNTY: 0, DISTRICT: 1, UNITARY: 0.5, METROPOLITAN: 0.6, LONDON: 0.7, SCOTLAND: 0.7, WALES: 0.7, NORTHERN_IRELAND: 1 },
  DISTRICT: { COUNTY: 1, DISTRICT: 0, UNITARY: 1, METROPOLITAN: 1, LONDON: 1, SCOTLAND: 1, WALES: 1, NORTHERN_IRELAND: 0.6 },
  UNITARY: { COUNTY: 0.5, DISTRICT: 1, UNITARY: 0, METROPOLITAN: 0.25, LONDON: 0.4, SCOTLAND: 0.5, WALES: 0.5, NORTHERN_IRELAND: 1 },
  METROPOLITAN: { COUNTY: 0.6, DISTRICT: 1, UNITARY: 0.25, METROPOLITAN: 0, LONDON: 0.4, SCOTLAND: 0.5, WALES: 0.5, NORTHERN_IRELAND: 1 },
  LONDON: { COUNTY: 0.7, DISTRICT: 1, UNITARY: 0.4, METROPOLITAN: 0.4, LONDON: 0, SCOTLAND: 0.6, WALES: 0.6, NORTHERN_IRELAND: 1 },
  SCOTLAND: { COUNTY: 0.7, DISTRICT: 1, UNITARY: 0.5, METROPOLITAN: 0.5, LONDON: 0.6, SCOTLAND: 0, WALES: 0.4, NORTHERN_IRELAND: 1 },
  WALES: { COUNTY: 0.7, DISTRICT: 1, UNITARY: 0.5, METROPOLITAN: 0.5, LONDON: 0.6, SCOTLAND: 0.4, WALES: 0, NORTHERN_IRELAND: 1 },
  NORTHERN_IRELAND: { COUNTY: 1, DISTRICT: 0.6, UNITARY: 1, METROPOLITAN: 1, LONDON: 1, SCOTLAND: 1, WALES: 1, NORTHERN_IRELAND: 0 },
};

/** A tier distance of 1 counts as much as this many standard deviations on a weight-1 variable. */
export const TIER_SCALE = 4;

const RURAL_URBAN_ORDER: Record<RuralUrbanClass, number> = {
  [RuralUrbanClass.URBAN]: 0,
  [RuralUrbanClass.URBAN_WITH_RURAL_AREAS]: 1,
  [RuralUrbanClass.RURAL]: 2,
  [RuralUrbanClass.SPARSE_AND_RURAL]: 3,
};

/** One standardised variable of the model. To add one (say, ONS age structure), add a line here. */
export interface NeighbourVariable {
  key: string;
  weight: number;
  /** Raw value; null when the data lacks it (the variable is then left out of that pair's distance). */
  value: (council: CouncilRecord) => number | null;
}

const logOf = (value: number | null): number | null => (value !== null && value > 0 ? Math.log(value) : null);

export const NEIGHBOUR_VARIABLES: readonly NeighbourVariable[] = [
  { key: 'population', weight: 1, value: (c) => logOf(c.population) },
  { key: 'density', weight: 1.5, value: (c) => logOf(c.density) },
  { key: 'deprivationScore', weight: 1.5, value: (c) => c.deprivationScore },
  { key: 'highDeprivationShare', weight: 0.5, value: (c) => c.highDeprivationShare },
  { key: 'lowDeprivationShare', weight: 0.5, value: (c) => c.lowDeprivationShare },
  { key: 'ruralUrbanClass', weight: 1, value: (c) => (c.ruralUrbanClass ? RURAL_URBAN_ORDER[c.ruralUrbanClass] : null) },
];

/** A characteristic two councils share, as a stable code (its words come from `describeShared`). */
export enum SharedCharacteristic {
  SAME_TIER = 'SAME_TIER',
  SIMILAR_POPULATION = 'SIMILAR_POPULATION',
  SIMILAR_DENSITY = 'SIMILAR_DENSITY',
  SAME_RURAL_URBAN_CLASS = 'SAME_RURAL_URBAN_CLASS',
  SIMILAR_DEPRIVATION = 'SIMILAR_DEPRIVATION',
  SAME_REGION = 'SAME_REGION',
}

export interface Neighbour {
  gssCode: string;
  /** Weighted Euclidean distance in standard deviations (0 = identical on every variable). */
  distance: number;
  /** 1 / (1 + distance): 1 for identical councils, falling towards 0. */
  similarity: number;
  shared: SharedCharacteristic[];
  /** The shared characteristics in words, e.g. "both metropolitan boroughs", "similar deprivation". */
  reasons: string[];
}

/** How many neighbours each council keeps (the API and docs say "up to 15"). */
export const MAX_NEIGHBOURS = 15;

interface Profile {
  council: CouncilRecord;
  group: TierGroup;
  z: (number | null)[];
}

function standardise(councils: CouncilRecord[]): Profile[] {
  const columns = NEIGHBOUR_VARIABLES.map((variable) => {
    const values = councils.map(variable.value);
    const present = values.filter((v): v is number => v !== null);
    const mean = present.reduce((sum, v) => sum + v, 0) / present.length;
    const sd = Math.sqrt(present.reduce((sum, v) => sum + (v - mean) ** 2, 0) / present.length) || 1;
    return values.map((v) => (v === null ? null : (v - mean) / sd));
  });
  return councils.map((council, i) => ({
    council,
    group: tierGroup(council.councilType)!,
    z: columns.map((column) => column[i]!),
  }));
}

const TOTAL_WEIGHT = NEIGHBOUR_VARIABLES.reduce((sum, v) => sum + v.weight, 0);

function distance(a: Profile, b: Profile): number {
  let sum = 0;
  let weight = 0;
  NEIGHBOUR_VARIABLES.forEach((variable, i) => {
    const za = a.z[i];
    const zb = b.z[i];
    if (za === null || zb === null || za === undefined || zb === undefined) return;
    sum += variable.weight * (za - zb) ** 2;
    weight += variable.weight;
  });
  // Variables missing for either council are left out and the rest scaled up, so a gap neither helps nor hurts.
  const numeric = weight > 0 ? (sum * TOTAL_WEIGHT) / weight : 0;
  const tier = TIER_SCALE * TIER_MATRIX[a.group][b.group];
  return Math.sqrt(numeric + tier ** 2);
}

const GROUP_WORDS: Record<TierGroup, string> = {
  COUNTY: 'both county councils',
  DISTRICT: 'both shire districts',
  UNITARY: 'both unitary authorities',
  METROPOLITAN: 'both metropolitan boroughs',
  LONDON: 'both in London',
  SCOTLAND: 'both Scottish councils',
  WALES: 'both Welsh councils',
  NORTHERN_IRELAND: 'both Northern Irish councils',
};

const RURAL_URBAN_WORDS: Record<RuralUrbanClass, string> = {
  [RuralUrbanClass.URBAN]: 'both urban',
  [RuralUrbanClass.URBAN_WITH_RURAL_AREAS]: 'both urban with rural areas',
  [RuralUrbanClass.RURAL]: 'both rural',
  [RuralUrbanClass.SPARSE_AND_RURAL]: 'both sparse and rural',
};

const SHARED_WORDS: Record<Exclude<SharedCharacteristic, 'SAME_TIER' | 'SAME_RURAL_URBAN_CLASS'>, string> = {
  [SharedCharacteristic.SIMILAR_POPULATION]: 'similar population',
  [SharedCharacteristic.SIMILAR_DENSITY]: 'similar density',
  [SharedCharacteristic.SIMILAR_DEPRIVATION]: 'similar deprivation',
  [SharedCharacteristic.SAME_REGION]: 'same region',
};

const ratioWithin = (a: number | null, b: number | null, ratio: number): boolean =>
  a !== null && b !== null && a > 0 && b > 0 && Math.max(a, b) / Math.min(a, b) <= ratio;

/** What two councils have in common, by thresholds stated in the docs (they explain, they do not rank). */
export function sharedCharacteristics(a: CouncilRecord, b: CouncilRecord): { shared: SharedCharacteristic[]; reasons: string[] } {
  const shared: SharedCharacteristic[] = [];
  const reasons: string[] = [];
  const groupA = tierGroup(a.councilType);
  if (groupA && groupA === tierGroup(b.councilType)) {
    shared.push(SharedCharacteristic.SAME_TIER);
    reasons.push(GROUP_WORDS[groupA]);
  }
  const add = (code: keyof typeof SHARED_WORDS) => {
    shared.push(code);
    reasons.push(SHARED_WORDS[code]);
  };
  if (ratioWithin(a.population, b.population, 1.3)) add(SharedCharacteristic.SIMILAR_POPULATION);
  if (a.ruralUrbanClass && a.ruralUrbanClass === b.ruralUrbanClass) {
    shared.push(SharedCharacteristic.SAME_RURAL_URBAN_CLASS);
    reasons.push(RURAL_URBAN_WORDS[a.ruralUrbanClass]);
  } else if (ratioWithin(a.density, b.density, 1.5)) add(SharedCharacteristic.SIMILAR_DENSITY);
  if (a.deprivationScore !== null && b.deprivationScore !== null && Math.abs(a.deprivationScore - b.deprivationScore) <= 4) {
    add(SharedCharacteristic.SIMILAR_DEPRIVATION);
  }
  if (a.region === b.region) add(SharedCharacteristic.SAME_REGION);
  return { shared, reasons };
}

/**
 * Every current council's nearest neighbours, nearest first (ties broken by GSS code), keyed by GSS code.
 * Deterministic: the result depends only on the records, not on their order.
 */
export function computeNeighbours(councils: readonly CouncilRecord[], limit = MAX_NEIGHBOURS): Map<string, Neighbour[]> {
  const eligible = councils
    .filter((c) => tierGroup(c.councilType) !== null)
    .toSorted((a, b) => (a.gssCode < b.gssCode ? -1 : a.gssCode > b.gssCode ? 1 : 0));
  const profiles = standardise(eligible);
  const result = new Map<string, Neighbour[]>();
  for (const profile of profiles) {
    const ranked = profiles
      .filter((other) => other !== profile)
      .map((other) => ({ other, distance: distance(profile, other) }))
      .sort((x, y) => x.distance - y.distance || (x.other.council.gssCode < y.other.council.gssCode ? -1 : 1))
      .slice(0, limit);
    result.set(
      profile.council.gssCode,
      ranked.map(({ other, distance: d }) => ({
        gssCode: other.council.gssCode,
        distance: d,
        similarity: 1 / (1 + d),
        ...sharedCharacteristics(profile.council, other.council),
      })),
    );
  }
  return result;
}
