import { describe, expect, it } from 'vitest';
import { likeFilter } from '../CouncilsLikeMineFilter.js';
import { freshnessFilter } from './FreshnessFilters.js';

describe('search filters read from the page address', () => {
  it('reads “councils like” from its GSS code', () => {
    expect(likeFilter(new URLSearchParams('like=E08000010'))).toEqual({ similarToCouncil: 'E08000010' });
    expect(likeFilter(new URLSearchParams('q=bins'))).toEqual({});
  });

  it('turns the freshness filters on with the page’s “1” and a saved search link’s “true”, and nothing else', () => {
    expect(freshnessFilter(new URLSearchParams('registered=1&excludeOverdueReview=true'))).toEqual({ registered: true, excludeOverdueReview: true });
    expect(freshnessFilter(new URLSearchParams('registered=0&excludeOverdueReview=yes'))).toEqual({});
  });
});
