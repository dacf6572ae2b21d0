import { OrganisationKind } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { Job } from '../job/job.entity.js';
import { Organisation } from './organisation.entity.js';
import { loadReferenceCouncils } from './organisation.service.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await loadReferenceCouncils(h.em());
});
afterAll(async () => {
  await h.close();
});

const LIST = `query($filter: OrganisationFilter, $first: Int!, $after: String) {
  organisations(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { name gssCode nation region councilType }
  }
}`;

describe('organisations', () => {
  it('loads all 397 current UK councils once, however often it runs', async () => {
    await loadReferenceCouncils(h.em());
    expect(await h.em().count(Organisation, { kind: OrganisationKind.COUNCIL })).toBe(397);
    const result = await h.run('{ organisations(first: 1) { totalCount } }');
    expect(result.data.organisations.totalCount).toBe(397);
  });

  // Regression: on SQLite, every timestamp looked changed after loading, so each start rewrote all 397
  // councils and queued a search refresh of every experiment.
  it('reloading unchanged reference data writes nothing', async () => {
    const outboxBefore = await h.em().count(Job, {});
    const writes = await h.countQueries(() => loadReferenceCouncils(h.em()), /^\[query\] (update|insert)/i);
    expect(writes).toBe(0);
    expect(await h.em().count(Job, {})).toBe(outboxBefore);
  });

  it('finds a council by GSS code or slug with its profile figures', async () => {
    const query = `query($gss: String, $slug: String) { organisation(gssCode: $gss, slug: $slug) {
      name officialName slug gssCode laCode nation region councilType population areaKm2 density
      deprivationScore deprivationQuintile ruralUrbanClass latitude longitude hexPosition { layout q r }
    } }`;
    const byCode = await h.run(query, { gss: 'S12000034' });
    expect(byCode.errors).toBeUndefined();
    expect(byCode.data.organisation).toMatchObject({
      name: 'Aberdeenshire',
      laCode: 'ABD',
      nation: 'SCOTLAND',
      councilType: 'SCOTTISH_UNITARY_AUTHORITY',
      population: 260780,
      ruralUrbanClass: 'SPARSE_AND_RURAL',
      hexPosition: { layout: 'DISTRICTS_2023' },
    });
    expect(byCode.data.organisation.deprivationQuintile).toBeGreaterThanOrEqual(1);
    const bySlug = await h.run(query, { slug: byCode.data.organisation.slug });
    expect(bySlug.data.organisation.gssCode).toBe('S12000034');
    expect((await h.run(query, { gss: 'X00000000' })).data?.organisation).toBeNull();
    expect(errorCodes(await h.run(query, {}))).toEqual(['BAD_USER_INPUT']);
  });

  it('filters by nation, region, type and name', async () => {
    const wales = await h.run(LIST, { filter: { nations: ['WALES'] }, first: 100 });
    expect(wales.data.organisations.totalCount).toBe(22);
    const ni = await h.run(LIST, { filter: { types: ['NI_DISTRICT'] }, first: 5 });
    expect(ni.data.organisations.totalCount).toBe(11);
    expect(ni.data.organisations.nodes).toHaveLength(5);
    const london = await h.run(LIST, { filter: { regions: ['London'], types: ['LONDON_BOROUGH'] }, first: 100 });
    expect(london.data.organisations.totalCount).toBe(32);
    const named = await h.run(LIST, { filter: { name: 'wigan' }, first: 10 });
    expect(named.data.organisations.nodes.map((o: { name: string }) => o.name)).toEqual(['Wigan']);
    // Wildcards in the name are literal text, not patterns.
    const wildcard = await h.run(LIST, { filter: { name: '%' }, first: 10 });
    expect(wildcard.data.organisations.totalCount).toBe(0);
  });

  it('finds councils by their common names and alternative spellings, best match first', async () => {
    const top = async (name: string) => (await h.run(LIST, { filter: { name }, first: 5 })).data.organisations.nodes.map((o: { name: string }) => o.name);
    expect((await top('Hull'))[0]).toBe('Kingston upon Hull');
    expect((await top('Wigan Council'))[0]).toBe('Wigan');
    expect((await top('rhondda cynon taf'))[0]).toBe('Rhondda Cynon Taff');
    expect((await top('Edinburgh'))[0]).toBe('City of Edinburgh');
    expect((await top('Bristol'))[0]).toBe('City of Bristol');
    const leicester = await top('Leicester');
    expect(leicester.slice(0, 2)).toEqual(['Leicester', 'Leicestershire']);
  });

  it('pages through name matches without repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const result: any = await h.run(LIST, { filter: { name: 'north' }, first: 3, after });
      seen.push(...result.data.organisations.nodes.map((o: { name: string }) => o.name));
      expect(result.data.organisations.totalCount).toBeGreaterThan(10);
      if (!result.data.organisations.pageInfo.hasNextPage) break;
      after = result.data.organisations.pageInfo.endCursor;
    }
    expect(seen.length).toBeGreaterThan(10);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.every((name) => name.toLowerCase().includes('north'))).toBe(true);
  });

  it('pages through every council in name order without repeats', async () => {
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const result: any = await h.run(LIST, { first: 100, after });
      names.push(...result.data.organisations.nodes.map((o: { name: string }) => o.name));
      if (!result.data.organisations.pageInfo.hasNextPage) break;
      after = result.data.organisations.pageInfo.endCursor;
    }
    expect(names).toHaveLength(397);
    expect(new Set(names).size).toBeGreaterThan(390);
    expect([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(names);
  });

  it('lists the service areas in order', async () => {
    const result = await h.run('{ serviceAreas { slug name } }');
    expect(result.data.serviceAreas).toHaveLength(16);
    expect(result.data.serviceAreas[0]).toEqual({ slug: 'adult-social-care', name: 'Adult social care' });
  });
});
