import { InterestLevel, MemberRole, Verdict } from '@synapse/domain';
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../src/modules/member/member.entity.js';
import type { Organisation } from '../src/modules/organisation/organisation.entity.js';
import { fieldSelections, schemaTypes } from './every-field.js';
import { buildCouncil, buildExperiment, buildMember } from './factories.js';
import { createHarness, type Harness } from './harness.js';

// Every field a client can select on Experiment, Outcome, Artefact and Organisation (each with the leaf fields of
// what it links to) is asked for alone, for 5 and for 50 items, anonymously and as a member outside the team. A
// field whose SQL statement count grows with the page is a per-row lookup (N+1).
//
// PER_ROW lists the fields known to cost per row: none since Experiment.discussions was batched (issue 16), so the
// test fails as soon as any field costs per row again.
const PER_ROW: string[] = [];

let h: Harness;
let council: Organisation;
let outsider: Member;

beforeAll(async () => {
  h = await createHarness();
  council = await buildCouncil(h.em());
  const place = await buildCouncil(h.em());
  // First by name, so the outsider's own organisation (whose members they may see) is on both pages of organisations.
  const elsewhere = await buildCouncil(h.em(), { name: 'Aardvark Borough Council' });
  outsider = await buildMember(h.em(), elsewhere, MemberRole.EDITOR);
  const original = await buildExperiment(h.em(), { lead: elsewhere, outcomes: [{ verdict: Verdict.WORKED }] });
  for (let n = 0; n < 50; n++) {
    const experiment = await buildExperiment(h.em(), {
      lead: council,
      places: [place],
      forkOf: n % 2 ? original : undefined,
      outcomes: [{ verdict: Verdict.WORKED }, { verdict: Verdict.MIXED }],
      artefacts: 2,
      partners: [{ name: 'A charity' }],
      serviceAreas: ['public-health', 'adult-social-care'],
    });
    if (n % 3 === 0) {
      const interest = await h.run(
        'mutation($input: SetInterestInput!) { setInterest(input: $input) { id } }',
        { input: { experimentId: experiment.id, level: InterestLevel.TRYING } },
        outsider,
      );
      assert.isUndefined(interest.errors, 'setInterest in the seed data');
    }
  }
  // Fifty more councils, so a page of 50 organisations is full.
  for (let n = 0; n < 50; n++) await buildCouncil(h.em());
});

afterAll(async () => {
  await h.close();
});

/** SQL statements for one request, checking it answered without errors and with `items` items. */
async function statements(query: string, as: Member | null, items: number): Promise<number> {
  let result: any;
  const count = await h.countQueries(async () => {
    result = await h.run(query, {}, as);
  });
  expect(result.errors, `${query}: ${JSON.stringify(result.errors?.slice(0, 2))}`).toBeUndefined();
  expect((Object.values(result.data)[0] as { nodes: unknown[] }).nodes).toHaveLength(items);
  return count;
}

describe('no per-row lookups on any field a client can select', () => {
  it('costs the same for 5 items as for 50, field by field, anonymously and for a member outside the team', async () => {
    const types = await schemaTypes(h);
    const experiments = (first: number, selection: string) =>
      `{ experiments(first: ${first}, filter: { organisations: ["${council.gssCode}"] }) { nodes { ${selection} } } }`;
    const organisations = (first: number, selection: string) => `{ organisations(first: ${first}) { nodes { ${selection} } } }`;
    const cases: [string, (first: number, selection: string) => string, (field: string) => string][] = [
      ['Experiment', experiments, (field) => field],
      ['Outcome', experiments, (field) => `outcomes { ${field} }`],
      ['Artefact', experiments, (field) => `artefacts { ${field} }`],
      ['Organisation', organisations, (field) => field],
    ];
    const perRow = new Set<string>();
    let measured = 0;
    for (const [type, root, wrap] of cases) {
      for (const field of fieldSelections(types, type, 1)) {
        for (const as of [null, outsider]) {
          // A per-row lookup costs more for 50 every time; a batch that a busy machine split in two costs more only
          // sometimes. So a field counts as per-row only if 50 cost more than 5 in three measurements out of three.
          let differed = 0;
          for (let attempt = 0; attempt < 3 && differed === attempt; attempt++) {
            const five = await statements(root(5, wrap(field)), as, 5);
            const fifty = await statements(root(50, wrap(field)), as, 50);
            if (fifty !== five) differed++;
          }
          if (differed === 3) perRow.add(`${type}.${field.split(' ')[0]}`);
          measured++;
        }
      }
    }
    expect(measured).toBeGreaterThan(150);
    expect([...perRow].sort()).toEqual(PER_ROW);
  }, 240_000);
});
