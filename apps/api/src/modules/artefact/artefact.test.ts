import { ExperimentStatus, MemberRole } from '@synapse/domain';
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { Artefact } from './artefact.entity.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await h.close();
});

const ADD = `mutation($experimentId: ID!, $input: AddArtefactInput!) { addArtefact(experimentId: $experimentId, input: $input) {
  id type title licence url format documentVersion version owner { id }
} }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateArtefactInput!) {
  updateArtefact(id: $id, version: $version, input: $input) { id title url version }
}`;
const REMOVE = 'mutation($id: ID!, $version: Int!) { removeArtefact(id: $id, version: $version) }';

const VALID = {
  type: 'BUSINESS_CASE',
  title: 'Business case for the volunteer driver scheme',
  licence: 'OGL_3',
  url: 'https://example.gov.uk/business-case.pdf',
  format: 'PDF',
  documentVersion: '1.2',
};

async function setup() {
  const council = await buildCouncil(h.em());
  const editor = await buildMember(h.em(), council, MemberRole.EDITOR);
  const experiment = await buildExperiment(h.em(), { lead: council, status: ExperimentStatus.DRAFT });
  return { council, editor, experiment };
}

describe('artefacts', () => {
  it('adds an artefact owned by the lead organisation, updates and removes it', async () => {
    const { council, editor, experiment } = await setup();
    const added = await h.run(ADD, { experimentId: experiment.id, input: VALID }, editor);
    expect(added.errors).toBeUndefined();
    expect(added.data.addArtefact).toMatchObject({ ...VALID, version: 1, owner: { id: council.id } });
    const id = added.data.addArtefact.id;

    const updated = await h.run(UPDATE, { id, version: 1, input: { url: 'http://example.org/v2' } }, editor);
    expect(updated.data.updateArtefact).toMatchObject({ url: 'http://example.org/v2', version: 2, title: VALID.title });
    expect(errorCodes(await h.run(UPDATE, { id, version: 1, input: { title: 'Late' } }, editor))).toEqual(['CONFLICT']);
    expect((await h.run(REMOVE, { id, version: 2 }, editor)).data?.removeArtefact).toBe(id);
    expect(await h.em().count(Artefact, { id })).toBe(0);
  });

  it('lets nobody outside the team add, change or remove artefacts', async () => {
    const { council } = await setup();
    const outsider = await buildMember(h.em(), await buildCouncil(h.em()), MemberRole.ADMIN);
    const published = await buildExperiment(h.em(), { lead: council, artefacts: 1 });
    const [artefact] = await h.em().find(Artefact, { experiment: published.id });
    assert(artefact, 'the experiment has an artefact');
    expect(errorCodes(await h.run(ADD, { experimentId: published.id, input: VALID }, outsider))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(UPDATE, { id: artefact.id, version: 1, input: { title: 'Mine' } }, outsider))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(REMOVE, { id: artefact.id, version: 1 }, null))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(REMOVE, { id: 'no-such-artefact', version: 1 }, outsider))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await h.run(ADD, { experimentId: 'no-such-experiment', input: VALID }, outsider))).toEqual(['NOT_FOUND']);
    expect(await h.em().count(Artefact, { experiment: published.id })).toBe(1);
  });

  const bad: [string, Record<string, unknown>, string][] = [
    ['a javascript: link', { url: 'javascript:alert(1)' }, 'input.url'],
    ['a data: link', { url: 'data:text/html,<script>alert(1)</script>' }, 'input.url'],
    ['an ftp link', { url: 'ftp://example.org/file' }, 'input.url'],
    ['a relative link', { url: '/etc/passwd' }, 'input.url'],
    ['an over-long link', { url: `https://example.org/${'a'.repeat(2000)}` }, 'input.url'],
    ['a short title', { title: 'ab' }, 'input.title'],
    ['an over-long version label', { documentVersion: 'v'.repeat(41) }, 'input.documentVersion'],
  ];

  it.each(bad)('addArtefact refuses %s and writes nothing', async (_label, change, field) => {
    const { editor, experiment } = await setup();
    const result = await h.run(ADD, { experimentId: experiment.id, input: { ...VALID, ...change } }, editor);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.problems.map((p: { field: string }) => p.field)).toContain(field);
    expect(await h.em().count(Artefact, { experiment: experiment.id })).toBe(0);
  });

  it.each(bad)('updateArtefact refuses %s and changes nothing', async (_label, change, field) => {
    const { council, editor } = await setup();
    const experiment = await buildExperiment(h.em(), { lead: council, artefacts: 1 });
    const [artefact] = await h.em().find(Artefact, { experiment: experiment.id });
    assert(artefact, 'the experiment has an artefact');
    const result = await h.run(UPDATE, { id: artefact.id, version: 1, input: change }, editor);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.problems.map((p: { field: string }) => p.field)).toContain(field);
    expect((await h.em().findOneOrFail(Artefact, artefact.id)).version).toBe(1);
  });
});
