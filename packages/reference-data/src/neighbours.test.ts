import { describe, expect, it } from 'vitest';
import { CouncilType, Nation, RuralUrbanClass } from '@synapse/domain';
import { type CouncilRecord, loadCouncils } from './councils.js';
import { computeNeighbours, SharedCharacteristic } from './neighbours.js';

const councils = loadCouncils();
const neighbours = computeNeighbours(councils);
const byName = (name: string): CouncilRecord => {
  const council = councils.find((c) => c.name === name);
  if (!council) throw new Error(`no council called ${name}`);
  return council;
};
const top = (name: string, count = 5): CouncilRecord[] =>
  neighbours.get(byName(name).gssCode)!.slice(0, count).map((n) => councils.find((c) => c.gssCode === n.gssCode)!);

describe('computeNeighbours', () => {
  it('gives a metropolitan borough metropolitan boroughs and unitaries of similar deprivation, not London or Scottish islands', () => {
    const wigan = byName('Wigan');
    const nearest = top('Wigan', 10);
    for (const council of nearest) {
      expect([CouncilType.METROPOLITAN_DISTRICT, CouncilType.UNITARY_AUTHORITY]).toContain(council.councilType);
      expect(Math.abs(council.deprivationScore! - wigan.deprivationScore!)).toBeLessThan(10);
    }
    const all = neighbours.get(wigan.gssCode)!.map((n) => councils.find((c) => c.gssCode === n.gssCode)!);
    expect(all.some((c) => c.councilType === CouncilType.LONDON_BOROUGH)).toBe(false);
    expect(all.some((c) => c.nation === Nation.SCOTLAND)).toBe(false);
  });

  it('gives large rural counties and unitaries rural neighbours of the same kind', () => {
    const rural = [RuralUrbanClass.RURAL, RuralUrbanClass.SPARSE_AND_RURAL, RuralUrbanClass.URBAN_WITH_RURAL_AREAS, null];
    for (const council of top('Norfolk')) {
      expect(council.councilType).toBe(CouncilType.COUNTY);
      expect(rural).toContain(council.ruralUrbanClass);
    }
    for (const council of top('Shropshire')) {
      expect(council.councilType).toBe(CouncilType.UNITARY_AUTHORITY);
      expect(rural).toContain(council.ruralUrbanClass);
      expect(council.density!).toBeLessThan(250);
    }
  });

  it('gives inner London boroughs mostly London boroughs', () => {
    for (const name of ['Islington', 'Hackney', 'Camden', 'Lambeth', 'Tower Hamlets']) {
      const london = top(name).filter((c) => c.councilType === CouncilType.LONDON_BOROUGH);
      expect(london.length, name).toBeGreaterThanOrEqual(4);
    }
  });

  it('gives shire districts shire districts, and never an all-purpose council to a district', () => {
    for (const name of ['South Cambridgeshire', 'Mid Suffolk', 'Burnley']) {
      for (const council of top(name, 10)) expect(council.councilType, name).toBe(CouncilType.NON_METROPOLITAN_DISTRICT);
    }
  });

  it('keeps Scottish islands with Scottish councils', () => {
    for (const council of top('Orkney Islands')) expect(council.nation).toBe(Nation.SCOTLAND);
  });

  it('gives no neighbours to combined authorities and never names them', () => {
    const combined = councils.filter((c) => c.councilType === CouncilType.COMBINED_AUTHORITY);
    expect(combined.length).toBeGreaterThan(0);
    const combinedCodes = new Set(combined.map((c) => c.gssCode));
    for (const council of combined) expect(neighbours.has(council.gssCode)).toBe(false);
    for (const list of neighbours.values()) expect(list.some((n) => combinedCodes.has(n.gssCode))).toBe(false);
  });

  it('orders neighbours nearest first with similarity between 0 and 1, never the council itself', () => {
    for (const [code, list] of neighbours) {
      expect(list).toHaveLength(15);
      expect(list.some((n) => n.gssCode === code)).toBe(false);
      for (let i = 1; i < list.length; i++) expect(list[i]!.distance).toBeGreaterThanOrEqual(list[i - 1]!.distance);
      for (const n of list) {
        expect(n.similarity).toBeGreaterThan(0);
        expect(n.similarity).toBeLessThanOrEqual(1);
        expect(n.similarity).toBeCloseTo(1 / (1 + n.distance), 12);
      }
    }
  });

  it('gives the same answer whatever order the records come in', () => {
    const shuffled = councils.toReversed();
    [shuffled[3], shuffled[200]] = [shuffled[200]!, shuffled[3]!];
    expect(computeNeighbours(shuffled)).toEqual(neighbours);
  });

  it('breaks ties in distance by GSS code', () => {
    const wigan = byName('Wigan');
    const twins = [
      { ...wigan, gssCode: 'E08999992', name: 'Twin B' },
      { ...wigan, gssCode: 'E08999991', name: 'Twin A' },
    ];
    const list = computeNeighbours([...councils, ...twins]).get(wigan.gssCode)!;
    expect(list.slice(0, 2).map((n) => [n.gssCode, n.distance])).toEqual([
      ['E08999991', 0],
      ['E08999992', 0],
    ]);
    expect(list[0]!.similarity).toBe(1);
  });

  it('says in words what neighbours share', () => {
    const wigan = byName('Wigan');
    const sefton = neighbours.get(wigan.gssCode)!.find((n) => n.gssCode === byName('Sefton').gssCode)!;
    expect(sefton.shared).toContain(SharedCharacteristic.SAME_TIER);
    expect(sefton.reasons).toContain('both metropolitan boroughs');
    expect(sefton.reasons).toContain('both urban');
    expect(sefton.reasons).toContain('same region');
    expect(sefton.reasons).toHaveLength(sefton.shared.length);
  });
});
