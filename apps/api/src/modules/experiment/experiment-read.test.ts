import { ExperimentStatus, MemberRole, Nation, Stage, Verdict } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';

// Reading experiments: visibility, filters, paging and the cost of a page. Changing them: experiment-change.test.ts.

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const LIST = /* GraphQL */ `
  query List($filter: ExperimentFilter, $first: Int!, $after: String) {
    experiments(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id title status }
    }
  }
`;

async function titles(filter: Record<string, unknown>, viewer = null as any): Promise<string[]> {
  const result = await h.run(LIST, { filter, first: 100 }, viewer);
  expect(result.errors).toBeUndefined();
  return result.data.experiments.nodes.map((node: { title: string }) => node.title).sort();
}

describe('reading experiments', () => {
  it('shows anonymous callers published experiments only, and a team its own drafts', async () => {
    const council = await buildCouncil(h.em());
    const other = await buildCouncil(h.em());
    const tag = council.id.slice(0, 6);
    await buildExperiment(h.em(), { lead: council, title: `Published ${tag}` });
    const draft = await buildExperiment(h.em(), { lead: council, title: `Draft ${tag}`, status: ExperimentStatus.DRAFT });
    await buildExperiment(h.em(), { lead: council, title: `Archived ${tag}`, status: ExperimentStatus.ARCHIVED });
    const teamMember = await buildMember(h.em(), council, MemberRole.MEMBER);
    const outsider = await buildMember(h.em(), other, MemberRole.ADMIN);
    const everything = [ExperimentStatus.PUBLISHED, ExperimentStatus.DRAFT, ExperimentStatus.ARCHIVED];
    const filter = { organisations: [council.gssCode] };

    expect(await titles(filter)).toEqual([`Published ${tag}`]);
    expect(await titles({ ...filter, statuses: everything })).toEqual([`Published ${tag}`]);
    expect(await titles({ ...filter, statuses: everything }, outsider)).toEqual([`Published ${tag}`]);
    expect(await titles({ ...filter, statuses: everything }, teamMember)).toEqual([
      `Archived ${tag}`,
      `Draft ${tag}`,
      `Published ${tag}`,
    ]);

    const query = 'query($id: ID) { experiment(id: $id) { title } }';
    expect((await h.run(query, { id: draft.id })).data?.experiment).toBeNull();
    expect((await h.run(query, { id: draft.id }, outsider)).data?.experiment).toBeNull();
    expect((await h.run(query, { id: draft.id }, teamMember)).data?.experiment.title).toBe(`Draft ${tag}`);
  });

  it('finds one experiment by slug with its relations', async () => {
    const council = await buildCouncil(h.em());
    const place = await buildCouncil(h.em(), { name: 'Aardvark Vale' });
    const experiment = await buildExperiment(h.em(), {
      lead: council,
      places: [council, place],
      serviceAreas: ['housing-and-homelessness', 'public-health'],
      outcomes: [{ verdict: Verdict.MIXED, evidenceLevel: 3 }],
      artefacts: 2,
      partners: [{ name: 'Shelter Cymru' }, { name: council.name, organisation: council }],
    });
    const result = await h.run(
      `query($slug: String) { experiment(slug: $slug) {
        id leadOrganisation { gssCode } places { name } serviceAreas { slug }
        outcomes { verdict evidenceLevel measures { name baseline result goodDirection } }
        artefacts { title licence owner { id } } partners { name organisation { id } }
        stageHistory { stage changedOn } viewerCan { edit publish archive }
      } }`,
      { slug: experiment.slug },
    );
    expect(result.errors).toBeUndefined();
    const found = result.data.experiment;
    expect(found.id).toBe(experiment.id);
    expect(found.leadOrganisation.gssCode).toBe(council.gssCode);
    expect(found.places.map((p: { name: string }) => p.name)).toEqual(['Aardvark Vale', council.name]);
    expect(found.serviceAreas.map((a: { slug: string }) => a.slug)).toEqual(['housing-and-homelessness', 'public-health']);
    expect(found.outcomes).toEqual([
      { verdict: 'MIXED', evidenceLevel: 3, measures: [{ name: 'People helped', baseline: 10, result: 20, goodDirection: 'UP' }] },
    ]);
    expect(found.artefacts).toHaveLength(2);
    expect(found.artefacts[0].owner.id).toBe(council.id);
    expect(found.partners).toEqual([
      { name: 'Shelter Cymru', organisation: null },
      { name: council.name, organisation: { id: council.id } },
    ]);
    expect(found.stageHistory).toEqual([{ stage: 'PILOT', changedOn: '2024-01-15' }]);
    expect(found.viewerCan).toEqual({ edit: false, publish: false, archive: false });
  });

  it('filters by service area, stage, verdict, organisation, region and nation, and combines them', async () => {
    const wales = await buildCouncil(h.em(), { nation: Nation.WALES, region: 'Wales' });
    const northWest = await buildCouncil(h.em(), { nation: Nation.ENGLAND, region: 'North West' });
    const runIn = await buildCouncil(h.em(), { nation: Nation.ENGLAND, region: 'London' });
    const tag = wales.id.slice(0, 6);
    await buildExperiment(h.em(), {
      lead: wales,
      title: `A ${tag}`,
      serviceAreas: ['waste'],
      stage: Stage.SCALING,
      outcomes: [{ verdict: Verdict.WORKED }],
    });
    await buildExperiment(h.em(), {
      lead: northWest,
      title: `B ${tag}`,
      serviceAreas: ['waste', 'transport'],
      stage: Stage.PILOT,
      places: [northWest, runIn],
      outcomes: [{ verdict: Verdict.NO_EFFECT }, { verdict: Verdict.WORKED }],
    });
    await buildExperiment(h.em(), { lead: northWest, title: `C ${tag}`, serviceAreas: ['transport'], stage: Stage.STOPPED });
    const mine = { organisations: [wales.gssCode, northWest.gssCode] };

    expect(await titles(mine)).toEqual([`A ${tag}`, `B ${tag}`, `C ${tag}`]);
    expect(await titles({ ...mine, serviceAreas: ['waste'] })).toEqual([`A ${tag}`, `B ${tag}`]);
    expect(await titles({ ...mine, stages: ['PILOT', 'STOPPED'] })).toEqual([`B ${tag}`, `C ${tag}`]);
    expect(await titles({ ...mine, verdicts: ['WORKED'] })).toEqual([`A ${tag}`, `B ${tag}`]);
    expect(await titles({ ...mine, verdicts: ['NO_EFFECT'] })).toEqual([`B ${tag}`]);
    expect(await titles({ ...mine, nations: ['WALES'] })).toEqual([`A ${tag}`]);
    expect(await titles({ ...mine, regions: ['North West'] })).toEqual([`B ${tag}`, `C ${tag}`]);
    expect(await titles({ organisations: [runIn.gssCode] })).toEqual([`B ${tag}`]);
    expect(await titles({ ...mine, serviceAreas: ['transport'], verdicts: ['WORKED'], regions: ['North West'] })).toEqual([
      `B ${tag}`,
    ]);
    // An experiment with two matching outcomes is still listed, and counted, once.
    const result = await h.run(LIST, { filter: { ...mine, verdicts: ['WORKED', 'NO_EFFECT'] }, first: 10 });
    expect(result.data.experiments.totalCount).toBe(2);
  });

  it('pages with cursors and reports the total', async () => {
    const council = await buildCouncil(h.em());
    for (let n = 0; n < 5; n++) {
      await buildExperiment(h.em(), { lead: council, title: `Page ${n}`, createdAt: new Date(Date.UTC(2024, 0, n + 1)) });
    }
    const filter = { organisations: [council.gssCode] };
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const result: any = await h.run(LIST, { filter, first: 2, after });
      expect(result.data.experiments.totalCount).toBe(5);
      seen.push(...result.data.experiments.nodes.map((node: { title: string }) => node.title));
      after = result.data.experiments.pageInfo.endCursor;
      expect(result.data.experiments.pageInfo.hasNextPage).toBe(page < 2);
    }
    expect(seen).toEqual(['Page 4', 'Page 3', 'Page 2', 'Page 1', 'Page 0']);
  });

  it('refuses a page size over the maximum with the field at fault', async () => {
    const result = await h.run(LIST, { first: 101 });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].extensions?.field).toBe('first');
  });

  it('loads a page of 50 with the same number of SQL statements as a page of 5 (no N+1)', async () => {
    // Each organisation is reachable by one path only: an entity that one batch loads by join and another by
    // reference makes the count depend on which query answers first, not on the page size.
    const council = await buildCouncil(h.em());
    const place = await buildCouncil(h.em());
    const partner = await buildCouncil(h.em());
    for (let n = 0; n < 50; n++) {
      await buildExperiment(h.em(), {
        lead: council,
        places: [place],
        outcomes: [{ verdict: Verdict.WORKED }, { verdict: Verdict.MIXED }],
        artefacts: 2,
        partners: [{ name: 'A charity' }, { name: partner.name, organisation: partner }],
        serviceAreas: ['public-health', 'adult-social-care'],
      });
    }
    const query = `query($first: Int!, $filter: ExperimentFilter) { experiments(first: $first, filter: $filter) { totalCount nodes {
      title leadOrganisation { name region } partners { name organisation { name } } places { name }
      serviceAreas { name } outcomes { verdict measures { name } } artefacts { title owner { name } } stageHistory { stage }
    } } }`;
    const filter = { organisations: [place.gssCode] };
    let small: any;
    let large: any;
    const five = await h.countQueries(async () => {
      small = await h.run(query, { first: 5, filter });
    });
    const fifty = await h.countQueries(async () => {
      large = await h.run(query, { first: 50, filter });
    });
    expect(small.errors).toBeUndefined();
    expect(small.data.experiments.nodes).toHaveLength(5);
    expect(large.data.experiments.nodes).toHaveLength(50);
    expect(large.data.experiments.nodes[49].artefacts[1].owner.name).toBe(council.name);
    expect(fifty).toBe(five);
    expect(five).toBeLessThanOrEqual(12);
  });
});
