import { describe, expect, it } from 'vitest';
import { coreName, isCouncilName, matchCouncils } from './council-names.js';
import { loadCouncils } from './councils.js';

const councils = loadCouncils();
const best = (query: string) => matchCouncils(query, councils, 5)[0]?.name;

describe('matchCouncils', () => {
  it.each([
    ['Wigan Council', 'Wigan'],
    ['wigan', 'Wigan'],
    ['Bristol', 'City of Bristol'],
    ['Bristol City Council', 'City of Bristol'],
    ['Rhondda Cynon Taf', 'Rhondda Cynon Taff'],
    ['Rhondda Cynon Taff', 'Rhondda Cynon Taff'],
    ['City of Edinburgh', 'City of Edinburgh'],
    ['Edinburgh', 'City of Edinburgh'],
    ['Hull', 'Kingston upon Hull'],
    ['Kingston-upon-Hull City Council', 'Kingston upon Hull'],
    ['BARKING & DAGENHAM', 'Barking and Dagenham'],
    ['London Borough of Hackney', 'Hackney'],
    ['Royal Borough of Kensington and Chelsea', 'Kensington and Chelsea'],
    ['County Durham', 'County Durham'],
    ['St Helens', 'St. Helens'],
  ])('finds %s as %s', (query, name) => {
    expect(best(query)).toBe(name);
    expect(isCouncilName(query, councils.find((c) => c.name === name)!)).toBe(true);
  });

  it('ranks exact matches before prefix matches before names merely containing the words', () => {
    const names = matchCouncils('leeds', councils, 10).map((c) => c.name);
    expect(names[0]).toBe('Leeds');
    const york = matchCouncils('york', councils, 10).map((c) => c.name);
    expect(york[0]).toBe('York');
    expect(york.indexOf('North Yorkshire')).toBeGreaterThan(0);
    const leicester = matchCouncils('Leicester', councils, 10).map((c) => c.name);
    expect(leicester.indexOf('Leicester')).toBe(0);
    expect(leicester.indexOf('Leicestershire')).toBeGreaterThan(0);
    const sheffield = matchCouncils('shef', councils, 10).map((c) => c.name);
    expect(sheffield[0]).toBe('Sheffield');
  });

  it('matches a word inside a longer name after the prefix matches', () => {
    const names = matchCouncils('hull', councils, 10).map((c) => c.name);
    expect(names[0]).toBe('Kingston upon Hull');
    expect(names.indexOf('Solihull')).toBeGreaterThan(0);
  });

  it('ignores case, punctuation and the words that name the kind of body', () => {
    expect(coreName('The City of Edinburgh Council')).toBe('edinburgh');
    expect(coreName('Wigan Metropolitan Borough Council')).toBe('wigan');
    expect(coreName('City of London')).toBe('city of london');
    expect(isCouncilName('Wigan Borough', { name: 'Wigan' })).toBe(true);
    expect(isCouncilName('Wiga', { name: 'Wigan' })).toBe(false);
  });

  it('matches nothing for an empty or unrelated query, and treats regex characters as text', () => {
    expect(matchCouncils('', councils)).toEqual([]);
    expect(matchCouncils('  ,. ', councils)).toEqual([]);
    expect(matchCouncils('zzqx', councils)).toEqual([]);
    expect(matchCouncils('.*', councils)).toEqual([]);
  });

  it('keeps its order stable for equal ranks', () => {
    expect(matchCouncils('north', councils, 20)).toEqual(matchCouncils('north', councils.toReversed(), 20));
  });
});
