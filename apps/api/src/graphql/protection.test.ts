import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness.js';
import { QUERY_LIMITS } from './protection.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('protection against abusive queries', () => {
  it('refuses an over-deep query, saying which limit and its value', async () => {
    // lineage.tree nests children as deep as anyone asks.
    let nested = 'experiment { title }';
    for (let n = 0; n < 12; n++) nested = `children { ${nested} }`;
    const result = await h.run(`{ experiments(first: 1) { nodes { lineage { tree { ${nested} } } } } }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/depth/i);
    expect(result.errors?.[0]?.message).toContain(String(QUERY_LIMITS.depth));
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, n) => `a${n}: serviceAreas { slug }`).join(' ');
    const result = await h.run(`{ ${aliases} }`);
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
    expect(result.errors?.[0]?.message).toContain(String(QUERY_LIMITS.aliases));
  });

  it('refuses too many directives', async () => {
    const directives = Array.from({ length: QUERY_LIMITS.directives + 1 }, () => '@include(if: true)').join(' ');
    const result = await h.run(`{ serviceAreas ${directives} { slug } }`);
    expect(result.errors?.[0]?.message).toMatch(/directive/i);
  });

  it('refuses an over-costly query with the cost and the limit, and accepts a generous page', async () => {
    // A partner's full page: experiments with their outcomes, measures and artefacts.
    const page = `experiments(first: 100) { nodes { id title summary leadOrganisation { name gssCode }
      outcomes { title verdict evidenceLevel measures { name baseline result unit } } artefacts { type title licence url } } }`;
    const fine = await h.run(`{ ${page} }`);
    expect(fine.errors).toBeUndefined();
    const costly = await h.run(`{ ${Array.from({ length: 10 }, (_, n) => `p${n}: ${page}`).join(' ')} }`);
    expect(costly.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: QUERY_LIMITS.cost });
    expect(costly.errors?.[0]?.extensions?.cost).toBeGreaterThan(QUERY_LIMITS.cost);
    expect(costly.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
  });

  it('prices one query text anew for each page size it is sent with (costs are remembered per document and size)', async () => {
    const page = `experiments(first: $first) { nodes { id title summary leadOrganisation { name gssCode }
      outcomes { title verdict evidenceLevel measures { name baseline result unit } } artefacts { type title licence url } } }`;
    const query = `query($first: Int!) { ${Array.from({ length: 10 }, (_, n) => `p${n}: ${page}`).join(' ')} }`;
    for (const round of [1, 2]) {
      const costly = await h.run(query, { first: 100 });
      expect(costly.errors?.[0]?.extensions, `round ${round}`).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
      const fine = await h.run(query, { first: 5 });
      expect(fine.errors, `round ${round}`).toBeUndefined();
    }
  });

  it('refuses a page larger than the maximum', async () => {
    const result = await h.run('{ experiments(first: 500) { totalCount } }');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
