import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil } from '../../test/factories.js';
import { createHarness, type Harness } from '../../test/harness.js';
import { Organisation } from '../modules/organisation/organisation.entity.js';
import { selectRows } from './rows.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const NAMES = 'select name from organisations where id in (?, ?) order by name';

describe('plain SQL reads with parameters (selectRows)', () => {
  it('answer from the current data each time the same statement is reused', async () => {
    const [a, b] = [await buildCouncil(h.em(), { name: 'Aldbury' }), await buildCouncil(h.em(), { name: 'Brindle' })];
    expect(await selectRows(h.em(), NAMES, [a.id, b.id])).toEqual([{ name: 'Aldbury' }, { name: 'Brindle' }]);
    await h.em().nativeUpdate(Organisation, { id: a.id }, { name: 'Cranmoor' });
    expect(await selectRows(h.em(), NAMES, [a.id, b.id])).toEqual([{ name: 'Brindle' }, { name: 'Cranmoor' }]);
    expect(await selectRows(h.em(), NAMES, [b.id, 'no-such-id'])).toEqual([{ name: 'Brindle' }]);
  });

  it('read inside the entity manager’s transaction, seeing what it has written and not yet committed', async () => {
    const council = await buildCouncil(h.em(), { name: 'Dunmere' });
    const seen = await h.em().transactional(async (em) => {
      await em.nativeUpdate(Organisation, { id: council.id }, { name: 'Eastwold' });
      return selectRows<{ name: string }>(em, NAMES, [council.id, council.id]);
    });
    expect(seen).toEqual([{ name: 'Eastwold' }]);
  });

  it('are counted and logged as statements like any other, and report a bad statement', async () => {
    const council = await buildCouncil(h.em());
    expect(await h.countQueries(() => selectRows(h.em(), NAMES, [council.id, council.id]))).toBe(1);
    await expect(selectRows(h.em(), 'select no_such_column from organisations where id = ?', [council.id])).rejects.toThrow(/no_such_column/);
  });
});
