import { describe, expect, it } from 'vitest';
import { loadSynonyms } from './synonyms.js';

describe('the UK public-service synonym list', () => {
  const synonyms = loadSynonyms();

  it('has at least 40 entries covering the jargon officers type', () => {
    expect(Object.keys(synonyms).length).toBeGreaterThanOrEqual(40);
    expect(synonyms.asc).toContain('adult social care');
    expect(synonyms.csc).toContain("children's social care");
    expect(synonyms.send).toContain('special educational needs');
    expect(synonyms.pb).toContain('participatory budgeting');
    expect(synonyms.vcse).toEqual(expect.arrayContaining(['voluntary sector', 'third sector', 'charities']));
    expect(synonyms.dtoc).toEqual(expect.arrayContaining(['delayed discharge', 'hospital discharge']));
    expect(synonyms.neet.length).toBeGreaterThan(0);
    expect(synonyms.jsna).toContain('joint strategic needs assessment');
    expect(synonyms.icb).toContain('nhs');
    expect(synonyms.la).toEqual(expect.arrayContaining(['council', 'local authority']));
  });

  it('works both ways within a group, in lower case, never mapping a term to itself', () => {
    expect(synonyms['hospital discharge']).toContain('dtoc');
    expect(synonyms['participatory budgeting']).toContain('pb');
    for (const [term, expansions] of Object.entries(synonyms)) {
      expect(term).toBe(term.toLowerCase());
      expect(expansions).not.toContain(term);
    }
  });

  it('expands one-way entries in one direction only', () => {
    expect(synonyms.elderly).toContain('older people');
    expect(synonyms['older people']).toBeUndefined();
  });
});
