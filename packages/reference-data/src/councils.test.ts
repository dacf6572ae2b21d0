import { describe, expect, it } from 'vitest';
import { CouncilType, Nation } from '@synapse/domain';
import { loadCouncils } from './councils.js';

describe('loadCouncils', () => {
  const councils = loadCouncils();

  it('loads every current UK council once, in all four nations', () => {
    expect(councils).toHaveLength(397);
    expect(new Set(councils.map((c) => c.gssCode)).size).toBe(397);
    expect(new Set(councils.map((c) => c.slug)).size).toBe(397);
    const byNation = Object.groupBy(councils, (c) => c.nation);
    expect(byNation[Nation.ENGLAND]).toHaveLength(332);
    expect(byNation[Nation.SCOTLAND]).toHaveLength(32);
    expect(byNation[Nation.WALES]).toHaveLength(22);
    expect(byNation[Nation.NORTHERN_IRELAND]).toHaveLength(11);
  });

  it('joins deprivation, rural-urban class and hexagon by code', () => {
    const wigan = councils.find((c) => c.name === 'Wigan');
    expect(wigan).toMatchObject({
      gssCode: 'E08000010',
      councilType: CouncilType.METROPOLITAN_DISTRICT,
      region: 'North West',
      hexLayout: 'DISTRICTS_2023',
    });
    expect(wigan?.deprivationQuintile).toBeGreaterThanOrEqual(1);
    expect(wigan?.population).toBeGreaterThan(300_000);
    expect(wigan?.ruralUrbanClass).not.toBeNull();
    expect(wigan?.highDeprivationShare).toBeGreaterThan(0);
    const shares = (wigan?.lowDeprivationShare ?? 0) + (wigan?.mediumDeprivationShare ?? 0) + (wigan?.highDeprivationShare ?? 0);
    expect(shares).toBeCloseTo(1, 6);
    expect(councils.find((c) => c.name === 'Kingston upon Hull')?.altNames).toContain('hull city council');
  });

  it('keeps councils with missing figures rather than dropping them', () => {
    const withoutPopulation = councils.filter((c) => c.population === null);
    expect(withoutPopulation.length).toBeGreaterThan(0);
    expect(withoutPopulation.every((c) => c.councilType === CouncilType.COMBINED_AUTHORITY)).toBe(true);
    const kent = councils.find((c) => c.name === 'Kent');
    expect(kent?.hexLayout).toBe('UPPER_TIER');
  });
});
