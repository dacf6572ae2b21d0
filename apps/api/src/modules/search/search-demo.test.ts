import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { bootstrapData } from '../../bootstrap.js';
import { allDocuments } from './experiment-document.js';

// The searches from issue 12, typed as officers typed them, on the demo data (apps/api/demo/experiments.json).

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ search: true });
  await bootstrapData(h.orm, { seedDemo: true });
  await h.searchIndex!.rebuild(allDocuments(h.em(), 500));
});
afterAll(async () => {
  await h.close();
});

async function titles(query: string, filter?: Record<string, unknown>): Promise<string[]> {
  const result = await h.run('query($q: String!, $f: SearchFilter) { search(query: $q, filter: $f, first: 10) { degraded hits { experiment { title } } } }', { q: query, f: filter });
  expect(result.errors).toBeUndefined();
  expect(result.data.search.degraded).toBe(false);
  return result.data.search.hits.map((hit: { experiment: { title: string } }) => hit.experiment.title);
}

describe('the searches from the issue, on the demo data', () => {
  it('"old people lonely" finds befriending and lunch clubs for older people first', async () => {
    expect((await titles('old people lonely')).slice(0, 2).sort()).toEqual([
      'Telephone befriending for older people who live alone',
      'Village lunch clubs and village agents for older residents',
    ]);
  });

  it('"kids in care" finds edge-of-care, fostering and family group conferences, not kits', async () => {
    const found = (await titles('kids in care')).slice(0, 5);
    expect(found).toEqual(
      expect.arrayContaining([
        'An edge-of-care team for teenagers, working evenings and weekends',
        'Recruiting foster carers through the carers we already have',
        'Family group conferences before care proceedings',
      ]),
    );
  });

  it('"what didn\'t work for fly-tipping" finds the fly-tipping pilots that failed or were mixed', async () => {
    expect((await titles("what didn't work for fly-tipping")).slice(0, 2).sort()).toEqual([
      'Free bulky waste collections to prevent fly-tipping',
      'Mobile cameras at fly-tipping hotspots',
    ]);
  });

  it.each([
    ['getting people online', ['Lending tablets with data to get people online', 'Welsh-speaking digital champions for older people']],
    ['stop families going into B&B', ['Moving homeless families out of bed and breakfast']],
    ['longer library opening hours', ['Self-service access to extend library opening hours']],
    ['failed chatbot', ['A chatbot for council tax and bin questions']],
    ['support for unpaid carers', ['Breaks and support for unpaid carers, without waiting for an assessment']],
  ])('"%s" keeps its topic words', async (query, expected) => {
    expect(expected).toContain((await titles(query))[0]);
  });

  it('"potholes" filtered to Scotland finds the Scottish carriageway defects pilot', async () => {
    expect((await titles('potholes', { nations: ['SCOTLAND'] }))[0]).toBe('Repairing carriageway defects right first time on rural roads');
  });

  it('"homeless" finds homelessness, not home insulation', async () => {
    const found = await titles('homeless');
    expect(found.slice(0, 3)).not.toContain('Street-by-street home insulation for fuel-poor households');
    expect(found[0]).toMatch(/Housing First|homeless/i);
  });

  it('"loneliness" finds befriending first', async () => {
    expect((await titles('loneliness'))[0]).toBe('Telephone befriending for older people who live alone');
  });

  it('suggestions for "hous" are about housing, never hospital discharge', async () => {
    const result = await h.run('query { searchSuggestions(prefix: "hous") { title } }');
    const suggested = result.data.searchSuggestions.map((s: { title: string }) => s.title);
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.some((title: string) => /hospital/i.test(title))).toBe(false);
  });

  it('snippets mark whole words and never "in"', async () => {
    const result = await h.run('query { search(query: "homelessness in cities") { hits { highlights { snippet } } } }');
    const snippets: string[] = result.data.search.hits.flatMap((hit: any) => hit.highlights.map((hl: { snippet: string }) => hl.snippet));
    expect(snippets.length).toBeGreaterThan(0);
    expect(snippets.join(' ')).not.toMatch(/<mark>in<\/mark>/i);
    expect(snippets.join(' ')).not.toMatch(/<mark>homelessnes<\/mark>s/);
  });
});
