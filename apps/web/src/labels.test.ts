import { SEARCH_FILTER_LABELS, VERDICT_LABELS } from '@synapse/domain';
import { describe, expect, it } from 'vitest';
import { facetValueLabel, FACETS, formatDate, isDuplicateFacetValue, LICENCES, optionsOf, VERDICTS } from './labels.js';

describe('labels', () => {
  it('takes its words from @synapse/domain, adding only presentation', () => {
    expect(VERDICTS.HARMFUL).toEqual({ label: VERDICT_LABELS.HARMFUL, tag: 'govuk-tag--red' });
    expect(Object.keys(VERDICTS).sort()).toEqual(Object.keys(VERDICT_LABELS).sort());
    for (const [field, heading] of Object.entries(FACETS)) expect(heading).toBe(SEARCH_FILTER_LABELS[field as keyof typeof SEARCH_FILTER_LABELS]);
  });

  it('names facet values in words, and leaves unknown values readable', () => {
    expect(facetValueLabel('verdicts', 'MIXED')).toBe('Mixed results');
    expect(facetValueLabel('serviceAreas', 'adult-social-care')).toBe('Adult social care');
    expect(facetValueLabel('organisationTypes', 'LONDON_BOROUGH')).toBe('London borough');
    expect(facetValueLabel('deprivationQuintiles', '1')).toBe('Most deprived fifth');
    expect(facetValueLabel('regions', 'North West')).toBe('North West');
    expect(facetValueLabel('populationBands', 'FROM_100K_TO_250K')).toBe('From 100k to 250k');
  });

  it('drops region facet values that repeat a nation', () => {
    expect(isDuplicateFacetValue('regions', 'Wales')).toBe(true);
    expect(isDuplicateFacetValue('regions', 'North West')).toBe(false);
    expect(isDuplicateFacetValue('nations', 'Wales')).toBe(false);
  });

  it('lists every licence as a form option, MIT, Apache and GPL included', () => {
    const options = optionsOf(LICENCES);
    expect(options.map((option) => option.value)).toEqual(expect.arrayContaining(['OGL_3', 'MIT', 'APACHE_2', 'GPL_3']));
    expect(options.find((option) => option.value === 'OGL_3')?.label).toBe('Open Government Licence v3.0');
  });

  it('writes dates as people in the UK do, in UK time', () => {
    expect(formatDate('2025-04-01')).toBe('1 April 2025');
    expect(formatDate('2025-04-01', 'short')).toBe('1 Apr 2025');
    // 23:30 UTC on 31 March is already 1 April in British Summer Time.
    expect(formatDate('2025-03-31T23:30:00Z')).toBe('1 April 2025');
  });
});
