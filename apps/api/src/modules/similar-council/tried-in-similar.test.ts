import { ExperimentStatus, MemberRole, Verdict } from '@synapse/domain';
import { neighboursOf } from '@synapse/reference-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import type { Experiment } from '../experiment/experiment.entity.js';
import type { Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { loadReferenceCouncils } from '../organisation/organisation.service.js';

const WIGAN = 'E08000010';
const CAMDEN = 'E09000007';
const [n1, n2, n3, n4] = neighboursOf(WIGAN, 4).map((n) => n.gssCode) as [string, string, string, string];

let h: Harness;
let original: Experiment;
let wiganMember: Member;
let camdenMember: Member;
beforeAll(async () => {
  h = await createHarness();
  await loadReferenceCouncils(h.em());
  const council = (gssCode: string) => h.em().findOneOrFail(Organisation, { gssCode });
  const [wigan, first, second, third, fourth, camden] = await Promise.all([WIGAN, n1, n2, n3, n4, CAMDEN].map(council));
  original = await buildExperiment(h.em(), { lead: first!, title: 'Original', outcomes: [{ verdict: Verdict.WORKED, evidenceLevel: 3 }] });
  await buildExperiment(h.em(), { lead: camden!, places: [camden!, second!], forkOf: original, outcomes: [{ verdict: Verdict.MIXED }] });
  await buildExperiment(h.em(), { lead: third!, forkOf: original });
  await buildExperiment(h.em(), { lead: wigan!, forkOf: original, outcomes: [{ verdict: Verdict.WORKED }] });
  await buildExperiment(h.em(), { lead: fourth!, forkOf: original, status: ExperimentStatus.DRAFT, outcomes: [{ verdict: Verdict.HARMFUL }] });
  wiganMember = await buildMember(h.em(), wigan!, MemberRole.MEMBER);
  camdenMember = await buildMember(h.em(), camden!, MemberRole.MEMBER);
});
afterAll(async () => {
  await h.close();
});

const TRIED = `query($id: ID!, $to: String, $count: Int) {
  experiment(id: $id) {
    triedInSimilarCouncils(to: $to, similarCount: $count) {
      council { name } councilCount withoutOutcome summary
      verdictCounts { verdict count }
      trials { organisation { gssCode } verdict experiment { title } }
    }
  }
}`;

describe('Experiment.triedInSimilarCouncils', () => {
  it("counts the family's published trials in the signed-in member's neighbours, each council once", async () => {
    const result = await h.run(TRIED, { id: original.id }, wiganMember);
    expect(result.errors).toBeUndefined();
    const tried = result.data.experiment.triedInSimilarCouncils;
    expect(tried.council.name).toBe('Wigan');
    expect(tried.trials.map((t: any) => [t.organisation.gssCode, t.verdict])).toEqual([
      [n1, 'WORKED'],
      [n2, 'MIXED'],
      [n3, null],
    ]);
    expect(tried.summary).toBe('Tried in 3 councils like Wigan: worked in 1, mixed in 1, no result yet in 1.');
  });

  it('compares with the council asked for, and with fewer neighbours when asked', async () => {
    const nearest = await h.run(TRIED, { id: original.id, to: WIGAN, count: 1 }, camdenMember);
    expect(nearest.data.experiment.triedInSimilarCouncils.summary).toBe('Tried in 1 council like Wigan: worked in 1.');
    const anonymous = await h.run(TRIED, { id: original.id, to: WIGAN });
    expect(anonymous.data.experiment.triedInSimilarCouncils.councilCount).toBe(3);
  });

  it('says nothing for an anonymous visitor who names no council, and refuses an unknown one', async () => {
    const anonymous = await h.run(TRIED, { id: original.id });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.experiment.triedInSimilarCouncils).toBeNull();
    const unknown = await h.run(TRIED, { id: original.id, to: 'E99999999' });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors?.[0]?.extensions?.field).toBe('to');
  });
});
