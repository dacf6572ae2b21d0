import { MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { Member } from '../member/member.entity.js';
import { SavedSearch } from './saved-search.entity.js';
import { SAVED_SEARCHES_MAX } from './saved-search.service.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const SAVE = `mutation($input: SaveSearchInput!) { saveSearch(input: $input) { id name query searchPath feedUrl criteria { field label values valueLabels } } }`;
const MINE = `{ mySavedSearches { id name query } }`;

async function member() {
  return buildMember(h.em(), await buildCouncil(h.em()), MemberRole.MEMBER);
}

const countOf = (memberId: string) => h.em().count(SavedSearch, { member: memberId });

describe('saving a search', () => {
  it('keeps the words and filters, names it in words and links the search page and its Atom feed with the same filters', async () => {
    const saver = await member();
    const result = await h.run(SAVE, { input: { query: '  old people   lonely ', filter: { verdicts: ['WORKED', 'MIXED'], serviceAreas: ['adult-social-care'], minEvidenceLevel: 2 } } }, saver);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const saved = result.data.saveSearch;
    expect(saved.query).toBe('old people lonely');
    expect(saved.name).toBe('“old people lonely” · Adult social care · Mixed results or Worked · Evidence: level 2 or stronger');
    expect(saved.criteria).toEqual([
      { field: 'serviceAreas', label: 'Service area', values: ['adult-social-care'], valueLabels: ['Adult social care'] },
      { field: 'verdicts', label: 'Verdict', values: ['MIXED', 'WORKED'], valueLabels: ['Mixed results', 'Worked'] },
      { field: 'minEvidenceLevel', label: 'Evidence', values: ['2'], valueLabels: ['level 2 or stronger'] },
    ]);
    expect(saved.searchPath).toBe('/search?q=old+people+lonely&serviceAreas=adult-social-care&verdicts=MIXED&verdicts=WORKED&minEvidenceLevel=2');
    expect(saved.feedUrl).toBe('https://synapse.test/feeds/search.atom?q=old+people+lonely&serviceAreas=adult-social-care&verdicts=MIXED&verdicts=WORKED&minEvidenceLevel=2');
    const mine = await h.run(MINE, {}, saver);
    expect(mine.data.mySavedSearches).toEqual([{ id: saved.id, name: saved.name, query: 'old people lonely' }]);
  });

  it('takes a name when given one, and "councils like" links as the search page\'s like parameter', async () => {
    const saver = await member();
    const result = await h.run(SAVE, { input: { query: '', filter: { similarToCouncil: 'E08000010' }, name: '  Councils like Wigan ' } }, saver);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data.saveSearch.name).toBe('Councils like Wigan');
    expect(result.data.saveSearch.searchPath).toBe('/search?like=E08000010');
    expect(result.data.saveSearch.criteria[0].valueLabels[0]).toMatch(/Wigan/);
  });

  it('saving the same words and filters again (other case, other order) returns the one already saved, not a duplicate', async () => {
    const saver = await member();
    const first = await h.run(SAVE, { input: { query: 'Befriending', filter: { stages: ['PILOT', 'SCALING'] } } }, saver);
    const again = await h.run(SAVE, { input: { query: 'befriending ', filter: { stages: ['SCALING', 'PILOT', 'PILOT'], verdicts: [] }, name: 'Befriending pilots' } }, saver);
    expect(again.errors).toBeUndefined();
    expect(again.data.saveSearch.id).toBe(first.data.saveSearch.id);
    expect(again.data.saveSearch.name).toBe('Befriending pilots');
    expect(await countOf(saver.id)).toBe(1);
    // Another filter is another search.
    await h.run(SAVE, { input: { query: 'befriending', filter: { stages: ['PILOT'] } } }, saver);
    expect(await countOf(saver.id)).toBe(2);
  });

  it.each([
    [{ query: 'x', filter: { serviceAreas: ['not-an-area'] } }, 'input.filter.serviceAreas'],
    [{ query: 'x', filter: { minEvidenceLevel: 9 } }, 'input.filter.minEvidenceLevel'],
    [{ query: 'x', filter: { similarToCouncil: 'E99999999' } }, 'input.filter.similarToCouncil'],
    [{ query: 'x'.repeat(201) }, 'input.query'],
    [{ query: 'x', name: 'n'.repeat(101) }, 'input.name'],
  ])('refuses %j naming the field, and writes nothing', async (input, field) => {
    const saver = await member();
    const result = await h.run(SAVE, { input }, saver);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(await countOf(saver.id)).toBe(0);
  });

  it(`stops at ${SAVED_SEARCHES_MAX} saved searches, with nothing written past the cap`, async () => {
    const saver = await member();
    const em = h.em();
    for (let n = 0; n < SAVED_SEARCHES_MAX; n++) {
      em.persist(Object.assign(new SavedSearch(), { member: em.getReference(Member, saver.id, { wrapped: true }), name: `s${n}`, query: `s${n}`, fingerprint: `f${n}` }));
    }
    await em.flush();
    const result = await h.run(SAVE, { input: { query: 'one more' } }, saver);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.field).toBe('input');
    expect(await countOf(saver.id)).toBe(SAVED_SEARCHES_MAX);
  });
});

describe('only the owner sees and deletes a saved search', () => {
  it('another member neither lists nor deletes it (NOT_FOUND); anonymous callers are refused (API keys: the permission matrix); the owner deletes it', async () => {
    const owner = await member();
    const colleague = await member();
    const saved = (await h.run(SAVE, { input: { query: 'hoarding' } }, owner)).data.saveSearch;
    expect((await h.run(MINE, {}, colleague)).data.mySavedSearches).toEqual([]);
    expect(errorCodes(await h.run(MINE, {}, null))).toEqual(['FORBIDDEN']);
    const DELETE = 'mutation($id: ID!) { deleteSavedSearch(id: $id) }';
    expect(errorCodes(await h.run(DELETE, { id: saved.id }, colleague))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.run(DELETE, { id: saved.id }, null))).toEqual(['FORBIDDEN']);
    expect(await countOf(owner.id)).toBe(1);
    expect((await h.run(DELETE, { id: saved.id }, owner)).data.deleteSavedSearch).toBe(true);
    expect(await countOf(owner.id)).toBe(0);
    expect(errorCodes(await h.run(DELETE, { id: saved.id }, owner))).toEqual(['NOT_FOUND']);
  });
});

describe('saved searches are personal data', () => {
  it('are in the personal data download, and go with the account when it is deleted', async () => {
    const saver = await member();
    await h.run(SAVE, { input: { query: 'hoarding', filter: { stages: ['PILOT'] } } }, saver);
    const data = await h.run('{ myPersonalData }', {}, saver);
    expect(data.data.myPersonalData.savedSearches).toEqual([
      { name: '“hoarding” · Pilot', query: 'hoarding', filter: { stages: ['PILOT'] }, createdAt: expect.anything() },
    ]);
    expect((await h.run('mutation { deleteMyAccount }', {}, saver)).errors).toBeUndefined();
    expect(await countOf(saver.id)).toBe(0);
  });
});
