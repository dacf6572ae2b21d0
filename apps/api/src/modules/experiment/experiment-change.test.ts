import { ExperimentStatus, MemberRole } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { Experiment } from './experiment.entity.js';

// Creating, updating, publishing and archiving experiments, and the input they refuse. Reading: experiment-read.test.ts.

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

describe('changing experiments', () => {
  const CREATE = `mutation($input: CreateExperimentInput!) { createExperiment(input: $input) {
    id slug title status version stage stageHistory { stage note } leadOrganisation { id } serviceAreas { slug } places { gssCode }
    partners { name role organisation { slug } } themes viewerCan { edit publish archive }
  } }`;
  const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateExperimentInput!) {
    updateExperiment(id: $id, version: $version, input: $input) { id title version stage stageHistory { stage note } endDate partners { name } }
  }`;
  const PUBLISH = 'mutation($id: ID!, $version: Int!) { publishExperiment(id: $id, version: $version) { status version publishedAt } }';
  const ARCHIVE = 'mutation($id: ID!, $version: Int!) { archiveExperiment(id: $id, version: $version) { status version } }';

  async function team() {
    const council = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
    return { council, editor };
  }

  async function stored(id: string): Promise<Experiment | null> {
    return h.em().findOne(Experiment, { id }, { populate: ['partners', 'stageHistory', 'serviceAreas'] });
  }

  it('creates a draft, updates it, publishes and archives it, counting versions and stages', async () => {
    const { council, editor } = await team();
    const place = await buildCouncil(h.em());
    const created = await h.run(
      CREATE,
      {
        input: {
          title: 'Volunteer drivers for hospital discharge',
          summary: 'Getting people home sooner.',
          serviceAreas: ['adult-social-care'],
          themes: ['Prevention', 'volunteering'],
          placeGssCodes: [place.gssCode],
          partners: [{ name: council.name, role: 'CO_LEAD', organisationSlug: council.slug }],
        },
      },
      editor,
    );
    expect(created.errors).toBeUndefined();
    const draft = created.data.createExperiment;
    expect(draft).toMatchObject({
      slug: 'volunteer-drivers-for-hospital-discharge',
      status: 'DRAFT',
      version: 1,
      stage: 'IDEA',
      stageHistory: [{ stage: 'IDEA', note: null }],
      leadOrganisation: { id: council.id },
      serviceAreas: [{ slug: 'adult-social-care' }],
      places: [{ gssCode: place.gssCode }],
      partners: [{ name: council.name, role: 'CO_LEAD', organisation: { slug: council.slug } }],
      themes: ['prevention', 'volunteering'],
      // Archiving needs an admin of the lead organisation.
      viewerCan: { edit: true, publish: true, archive: false },
    });

    // Publishing needs a problem and an approach first.
    const early = await h.run(PUBLISH, { id: draft.id, version: 1 }, editor);
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    expect(early.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toEqual([
      'experiment.problem',
      'experiment.approach',
    ]);

    const updated = await h.run(
      UPDATE,
      {
        id: draft.id,
        version: 1,
        input: { problem: 'Delays.', approach: 'Drivers.', stage: 'PILOT', stageNote: 'Funded', partners: [] },
      },
      editor,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateExperiment).toMatchObject({
      version: 2,
      stage: 'PILOT',
      stageHistory: [{ stage: 'IDEA' }, { stage: 'PILOT', note: 'Funded' }],
      partners: [],
    });

    const published = await h.run(PUBLISH, { id: draft.id, version: 2 }, editor);
    expect(published.data.publishExperiment).toMatchObject({ status: 'PUBLISHED', version: 3 });
    expect(published.data.publishExperiment.publishedAt).toBeTruthy();
    expect((await h.run('query($id: ID) { experiment(id: $id) { title } }', { id: draft.id })).data?.experiment).not.toBeNull();

    expect(errorCodes(await h.run(ARCHIVE, { id: draft.id, version: 3 }, editor))).toEqual(['FORBIDDEN']);
    const admin = await buildMember(h.em(), council, MemberRole.ADMIN);
    const archived = await h.run(ARCHIVE, { id: draft.id, version: 3 }, admin);
    expect(archived.data.archiveExperiment).toEqual({ status: 'ARCHIVED', version: 4 });
    expect((await h.run('query($id: ID) { experiment(id: $id) { title } }', { id: draft.id })).data?.experiment).toBeNull();
  });

  it('answers CONFLICT to a stale version and keeps the newer change', async () => {
    const { council, editor } = await team();
    const experiment = await buildExperiment(h.em(), { lead: council, title: 'Original', status: ExperimentStatus.DRAFT });
    const first = await h.run(UPDATE, { id: experiment.id, version: 1, input: { title: 'First editor' } }, editor);
    expect(first.data.updateExperiment.version).toBe(2);
    const second = await h.run(UPDATE, { id: experiment.id, version: 1, input: { title: 'Second editor' } }, editor);
    expect(errorCodes(second)).toEqual(['CONFLICT']);
    expect(second.errors?.[0].extensions).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    expect((await stored(experiment.id))?.title).toBe('First editor');
  });

  it('lets only editors of the lead organisation change an experiment', async () => {
    const { council } = await team();
    const other = await buildCouncil(h.em());
    const outsider = await buildMember(h.em(), other, MemberRole.ADMIN);
    const reader = await buildMember(h.em(), council, MemberRole.MEMBER);
    const published = await buildExperiment(h.em(), { lead: council, title: 'Untouched' });
    const draft = await buildExperiment(h.em(), { lead: council, title: 'Secret', status: ExperimentStatus.DRAFT });

    for (const [viewer, expected] of [
      [null, 'FORBIDDEN'],
      [outsider, 'FORBIDDEN'],
      [reader, 'FORBIDDEN'],
    ] as const) {
      expect(errorCodes(await h.run(UPDATE, { id: published.id, version: 1, input: { title: 'Hijacked' } }, viewer))).toEqual([expected]);
      expect(errorCodes(await h.run(ARCHIVE, { id: published.id, version: 1 }, viewer))).toEqual([expected]);
    }
    // A draft someone cannot see is NOT_FOUND rather than FORBIDDEN: its existence is not revealed.
    expect(errorCodes(await h.run(PUBLISH, { id: draft.id, version: 1 }, outsider))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.run(PUBLISH, { id: draft.id, version: 1 }, reader))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(CREATE, { input: { title: 'Mine', summary: 'x' } }, reader))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(CREATE, { input: { title: 'Mine', summary: 'x' } }, null))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(UPDATE, { id: 'no-such-id', version: 1, input: {} }, outsider))).toEqual(['NOT_FOUND']);
    expect((await stored(published.id))?.title).toBe('Untouched');
    expect((await stored(draft.id))?.status).toBe('DRAFT');
  });

  describe('bad input is refused with the field at fault, and nothing is written', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['an over-long title', { title: 'x'.repeat(161) }, 'input.title'],
      ['a blank title', { title: '    ' }, 'input.title'],
      ['an unknown service area', { serviceAreas: ['astrology'] }, 'input.serviceAreas'],
      ['too many themes', { themes: Array.from({ length: 13 }, (_, n) => `theme ${n}`) }, 'input.themes'],
      ['a negative cost', { actualCost: -5 }, 'input.actualCost'],
      ['an end before the start', { startDate: '2024-05-01', endDate: '2024-04-30' }, 'input.endDate'],
      ['an impossible date', { startDate: '2023-02-30' }, 'input.startDate'],
      ['a malformed email', { contactEmail: 'not an email' }, 'input.contactEmail'],
      ['an unknown place', { placeGssCodes: ['E99999999'] }, 'input.placeGssCodes.0'],
      ['an unknown partner organisation', { partners: [{ name: 'X', role: 'FUNDER', organisationSlug: 'nope' }] }, 'input.partners.0.organisationSlug'],
      ['a partner without a name', { partners: [{ name: '', role: 'FUNDER' }] }, 'input.partners.0.name'],
      ['stopping without a reason', { stage: 'STOPPED' }, 'input.stageNote'],
      ['a repeated place', { placeGssCodes: ['E08000010', 'E08000010'] }, 'input.placeGssCodes'],
    ];

    it.each(cases)('updateExperiment refuses %s', async (_label, input, field) => {
      const { council, editor } = await team();
      const experiment = await buildExperiment(h.em(), { lead: council, title: 'Before', status: ExperimentStatus.DRAFT });
      const result = await h.run(UPDATE, { id: experiment.id, version: 1, input: { title: 'Changed', ...input } }, editor);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toContain(field);
      const after = await stored(experiment.id);
      expect(after?.title).toBe('Before');
      expect(after?.version).toBe(1);
      expect(after?.stageHistory).toHaveLength(1);
    });

    it.each(cases)('createExperiment refuses %s', async (_label, input, field) => {
      const { council, editor } = await team();
      const result = await h.run(CREATE, { input: { title: 'New one', summary: 'Something', ...input } }, editor);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.problems.map((p: { field: string }) => p.field)).toContain(field);
      expect(await h.em().count(Experiment, { leadOrganisation: council.id })).toBe(0);
    });

    it('refuses an end date before the start date already stored, in the GOV.UK date pattern’s words', async () => {
      const { council, editor } = await team();
      const experiment = await buildExperiment(h.em(), { lead: council, title: 'Before', status: ExperimentStatus.DRAFT });
      await h.run(UPDATE, { id: experiment.id, version: 1, input: { startDate: '2025-03-27' } }, editor);
      const result = await h.run(UPDATE, { id: experiment.id, version: 2, input: { endDate: '2025-03-26' } }, editor);
      expect(result.errors?.[0].extensions?.problems).toEqual([{ field: 'input.endDate', reason: 'End date must be the same as or after the start date' }]);
      expect((await stored(experiment.id))?.endDate).toBeNull();
      const sameDay = await h.run(UPDATE, { id: experiment.id, version: 2, input: { endDate: '2025-03-27' } }, editor);
      expect(sameDay.errors).toBeUndefined();
    });

    it('refuses a value of the wrong enum at the GraphQL layer', async () => {
      const { editor } = await team();
      const result = await h.run(CREATE, { input: { title: 'New one', summary: 'x', stage: 'FINISHED' } }, editor);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    });

    it('refuses to publish twice or archive twice', async () => {
      const { council } = await team();
      const admin = await buildMember(h.em(), council, MemberRole.ADMIN);
      const experiment = await buildExperiment(h.em(), { lead: council, status: ExperimentStatus.PUBLISHED });
      expect(errorCodes(await h.run(PUBLISH, { id: experiment.id, version: 1 }, admin))).toEqual(['BAD_USER_INPUT']);
      await h.run(ARCHIVE, { id: experiment.id, version: 1 }, admin);
      expect(errorCodes(await h.run(ARCHIVE, { id: experiment.id, version: 2 }, admin))).toEqual(['BAD_USER_INPUT']);
    });
  });
});
