import { describe, expect, it } from 'vitest';
import { searchHref, searchStateFrom, toggledParams } from './search-state.js';

describe('the search page’s state in its address', () => {
  it('reads words, facet values (quintiles as numbers), evidence, councils like and freshness into one filter', () => {
    const state = searchStateFrom(new URLSearchParams('q=bins&verdicts=WORKED&verdicts=MIXED&deprivationQuintiles=1&minEvidenceLevel=3&like=E08000010&registered=1'));
    expect(state.query).toBe('bins');
    expect(state.selected).toEqual({ verdicts: ['WORKED', 'MIXED'], deprivationQuintiles: ['1'] });
    expect(state.filter).toEqual({
      verdicts: ['WORKED', 'MIXED'],
      deprivationQuintiles: [1],
      minEvidenceLevel: 3,
      similarToCouncil: 'E08000010',
      registered: true,
    });
    expect(state.clearHref).toBe('/search?q=bins');
  });

  it('offers no “Clear filters” when nothing is filtered, and ignores parameters that are not filters', () => {
    const state = searchStateFrom(new URLSearchParams('q=bins&sort=NEWEST&after=abc&unknown=1'));
    expect(state.filter).toEqual({});
    expect(state.clearHref).toBeNull();
  });

  it('goes back to page 1 on any change but paging', () => {
    const params = new URLSearchParams('q=bins&after=abc');
    expect(searchHref(params, { sort: 'NEWEST' })).toBe('/search?q=bins&sort=NEWEST');
    expect(searchHref(params, { after: 'def' })).toBe('/search?q=bins&after=def');
    expect(searchHref(params, { q: null })).toBe('/search?');
  });

  it('ticks and unticks one facet value, leaving the others', () => {
    const ticked = toggledParams(new URLSearchParams('verdicts=WORKED&after=abc'), 'verdicts', 'MIXED');
    expect(ticked.getAll('verdicts')).toEqual(['WORKED', 'MIXED']);
    expect(ticked.has('after')).toBe(false);
    expect(toggledParams(ticked, 'verdicts', 'WORKED').getAll('verdicts')).toEqual(['MIXED']);
  });
});
