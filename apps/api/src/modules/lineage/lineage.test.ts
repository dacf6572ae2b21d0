import { ref } from '@mikro-orm/core';
import { ArtefactType, ExperimentStatus, Licence, MemberRole, Verdict } from '@synapse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, errorCodes, type Harness } from '../../../test/harness.js';
import { notificationsOf as notificationsOfMember } from '../../../test/notifications.js';
import { Artefact } from '../artefact/artefact.entity.js';
import type { Experiment } from '../experiment/experiment.entity.js';
import type { Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import type { JobWorker } from '../job/job-worker.js';
import { NOTIFICATION_JOB_HANDLERS } from '../notification/notification.jobs.js';

let h: Harness;
let worker: JobWorker;
beforeAll(async () => {
  h = await createHarness();
  worker = h.jobWorker({ handlers: NOTIFICATION_JOB_HANDLERS });
});
afterAll(async () => {
  await h.close();
});

const FORK = `mutation($id: ID!, $notes: String!) { forkExperiment(input: { experimentId: $id, adaptationNotes: $notes }) {
  id status title problem approach themes forkParent { id } adaptationNotes leadOrganisation { id } serviceAreas { slug }
  outcomes { id } stageHistory { stage } coEditors { id }
  artefacts { title licence isReference reusable reuseWarning attribution owner { id } }
} }`;

/** An adaptation's write-up in its own words, as publishing requires. */
const OWN_WORDS = 'summary: "Our version, for market towns.", problem: "Our problem is different here.", approach: "What we are changing for our area."';

const notificationsOf = (member: Member) => notificationsOfMember(h, member);

describe('forking', () => {
  let lead: Organisation;
  let original: Experiment;
  beforeAll(async () => {
    lead = await buildCouncil(h.em(), { name: 'Oakshire', officialName: 'Oakshire County Council' });
    original = await buildExperiment(h.em(), { lead, title: 'Volunteer drivers', outcomes: [{ verdict: Verdict.WORKED }], artefacts: 1 });
    const em = h.em();
    const closed = Object.assign(new Artefact(), {
      type: ArtefactType.BUSINESS_CASE,
      title: 'Commercial contract',
      licence: Licence.ALL_RIGHTS_RESERVED,
      url: 'https://example.org/contract',
      owner: ref(lead),
      experiment: ref(original),
    });
    await em.persist(closed).flush();
  });

  it('lets an editor of any organisation fork a published experiment into their own draft', async () => {
    const elsewhere = await buildCouncil(h.em());
    const editor = await buildMember(h.em(), elsewhere, MemberRole.EDITOR);
    const result = await h.run(FORK, { id: original.id, notes: 'Our district is rural: longer trips, paid mileage.' }, editor);
    expect(result.errors).toBeUndefined();
    const fork = result.data.forkExperiment;
    expect(fork).toMatchObject({
      status: 'DRAFT',
      title: 'Volunteer drivers',
      // The write-up is the adapting council's to give: it starts empty, not as the original's words under their name.
      problem: '',
      approach: '',
      forkParent: { id: original.id },
      adaptationNotes: 'Our district is rural: longer trips, paid mileage.',
      leadOrganisation: { id: elsewhere.id },
      serviceAreas: [{ slug: 'adult-social-care' }],
      outcomes: [],
      stageHistory: [{ stage: 'IDEA' }],
      coEditors: [],
    });
  });

  it('carries artefacts as references, keeping owner, licence and attribution, with a warning where reuse is not licensed', async () => {
    const editor = await buildMember(h.em(), await buildCouncil(h.em()), MemberRole.EDITOR);
    const fork = (await h.run(FORK, { id: original.id, notes: 'Adapted for a coastal town.' }, editor)).data.forkExperiment;
    const byTitle = Object.fromEntries(fork.artefacts.map((a: { title: string }) => [a.title, a]));
    expect(byTitle['Toolkit 1']).toMatchObject({ licence: 'OGL_3', isReference: true, reusable: true, reuseWarning: null, owner: { id: lead.id } });
    expect(byTitle['Toolkit 1'].attribution).toBe('Oakshire County Council, Open Government Licence v3.0');
    expect(byTitle['Commercial contract']).toMatchObject({ licence: 'ALL_RIGHTS_RESERVED', reusable: false, owner: { id: lead.id } });
    expect(byTitle['Commercial contract'].reuseWarning).toMatch(/ask the owner/);
  });

  it('refuses people who cannot fork, drafts they cannot see, and forks without adaptation notes', async () => {
    const other = await buildCouncil(h.em());
    const reader = await buildMember(h.em(), other, MemberRole.MEMBER);
    const editor = await buildMember(h.em(), other, MemberRole.EDITOR);
    const notes = 'Adapted for our town.';
    expect(errorCodes(await h.run(FORK, { id: original.id, notes }, null))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await h.run(FORK, { id: original.id, notes }, reader))).toEqual(['FORBIDDEN']);
    const hidden = await buildExperiment(h.em(), { lead, status: ExperimentStatus.DRAFT });
    expect(errorCodes(await h.run(FORK, { id: hidden.id, notes }, editor))).toEqual(['NOT_FOUND']);
    const own = await buildExperiment(h.em(), { lead: other, status: ExperimentStatus.DRAFT });
    const ownDraft = await h.run(FORK, { id: own.id, notes }, editor);
    expect(ownDraft.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.experimentId' });
    const noNotes = await h.run(FORK, { id: original.id, notes: '   ' }, editor);
    expect(noNotes.errors?.[0].extensions?.field).toBe('input.adaptationNotes');
  });
});

describe('a three-generation family', () => {
  let a: Experiment;
  let b: Experiment;
  let c: Experiment;
  let draft: Experiment;
  let draftTeam: Member;
  const SUMMARY = `query($id: ID) { experiment(id: $id) { forkCount familySummary { familySize placesTried workedIn withOutcome
    verdictCounts { verdict count } strongestEvidenceLevel costMin costMax summary } } }`;

  beforeAll(async () => {
    const [one, two, three, four, five] = await Promise.all([1, 2, 3, 4, 5].map(() => buildCouncil(h.em())));
    a = await buildExperiment(h.em(), { lead: one, title: 'Gen A', outcomes: [{ verdict: Verdict.WORKED, evidenceLevel: 3 }], actualCost: 100_000 });
    b = await buildExperiment(h.em(), { lead: two, title: 'Gen B', forkOf: a, outcomes: [{ verdict: Verdict.MIXED, evidenceLevel: 2 }], actualCost: 20_000 });
    c = await buildExperiment(h.em(), {
      lead: three,
      title: 'Gen C',
      forkOf: b,
      outcomes: [
        { verdict: Verdict.NO_EFFECT, evidenceLevel: 1, at: new Date('2024-01-01') },
        { verdict: Verdict.WORKED, evidenceLevel: 4, at: new Date('2025-01-01') },
      ],
    });
    draft = await buildExperiment(h.em(), { lead: four, title: 'Draft fork', forkOf: a, status: ExperimentStatus.DRAFT, outcomes: [{ verdict: Verdict.HARMFUL }] });
    draftTeam = await buildMember(h.em(), four, MemberRole.MEMBER);
    await buildExperiment(h.em(), { lead: five, title: 'Archived fork', forkOf: b, status: ExperimentStatus.ARCHIVED, outcomes: [{ verdict: Verdict.NO_EFFECT }] });
  });

  it('counts each published place once, by its latest verdict, the same from every member', async () => {
    for (const member of [a, b, c]) {
      const result = await h.run(SUMMARY, { id: member.id });
      expect(result.data.experiment.familySummary).toEqual({
        familySize: 3,
        placesTried: 3,
        workedIn: 2,
        withOutcome: 3,
        verdictCounts: [
          { verdict: 'WORKED', count: 2 },
          { verdict: 'MIXED', count: 1 },
        ],
        strongestEvidenceLevel: 4,
        costMin: 20_000,
        costMax: 100_000,
        summary: 'Worked in 2 of 3 places that tried it.',
      });
    }
    expect((await h.run(SUMMARY, { id: a.id })).data.experiment.forkCount).toBe(1);
    expect((await h.run(SUMMARY, { id: b.id })).data.experiment.forkCount).toBe(1);
  });

  it('shows the lineage as a tree, leaving out what the viewer may not see', async () => {
    const LINEAGE = `query($id: ID) { experiment(id: $id) { lineage {
      root { title } ancestors { title } descendants { experiment { title } latestVerdict children { experiment { title } } }
      tree { experiment { title } children { experiment { title } children { experiment { title } } } }
    } } }`;
    const seen = (await h.run(LINEAGE, { id: b.id })).data.experiment.lineage;
    expect(seen.root).toEqual({ title: 'Gen A' });
    expect(seen.ancestors).toEqual([{ title: 'Gen A' }]);
    expect(seen.descendants).toEqual([{ experiment: { title: 'Gen C' }, latestVerdict: 'WORKED', children: [] }]);
    expect(seen.tree).toEqual([{ experiment: { title: 'Gen A' }, children: [{ experiment: { title: 'Gen B' }, children: [{ experiment: { title: 'Gen C' } }] }] }]);
    const asTeam = (await h.run(LINEAGE, { id: a.id }, draftTeam)).data.experiment.lineage;
    expect(asTeam.tree[0].children.map((n: { experiment: { title: string } }) => n.experiment.title).sort()).toEqual(['Draft fork', 'Gen B']);
    // The draft's HARMFUL outcome never counts in anyone's summary.
    expect((await h.run(SUMMARY, { id: a.id }, draftTeam)).data.experiment.familySummary.verdictCounts).toEqual([
      { verdict: 'WORKED', count: 2 },
      { verdict: 'MIXED', count: 1 },
    ]);
  });

  it('updates the summary when a member of the family publishes an outcome', async () => {
    const team = await buildMember(h.em(), await h.em().findOneOrFail(Organisation, c.leadOrganisation.id), MemberRole.EDITOR);
    const added = await h.run(
      'mutation($id: ID!) { addOutcome(experimentId: $id, input: { title: "Year two", verdict: NO_EFFECT, evaluationDesign: BEFORE_AFTER, evidenceLevel: 2 }) { id } }',
      { id: c.id },
      team,
    );
    expect(added.errors).toBeUndefined();
    const summary = (await h.run(SUMMARY, { id: a.id })).data.experiment.familySummary;
    expect(summary).toMatchObject({ workedIn: 1, summary: 'Worked in 1 of 3 places that tried it.' });
    expect(summary.verdictCounts).toEqual([
      { verdict: 'MIXED', count: 1 },
      { verdict: 'NO_EFFECT', count: 1 },
      { verdict: 'WORKED', count: 1 },
    ]);
    void draft;
  });
});

describe('the journey in the issue', () => {
  it("forks another council's pilot, publishes an outcome on the fork, and both pages show the lineage and the new evidence", async () => {
    const leeds = await buildCouncil(h.em(), { name: 'Leedsham' });
    const original = await buildExperiment(h.em(), { lead: leeds, title: 'Home from hospital', outcomes: [{ verdict: Verdict.WORKED, evidenceLevel: 3 }] });
    const follower = await buildMember(h.em(), null, MemberRole.MEMBER);
    await h.run('mutation($id: String!) { follow(input: { target: EXPERIMENT, key: $id }) { id } }', { id: original.id }, follower);
    const calder = await buildCouncil(h.em(), { name: 'Calderbrook' });
    const editor = await buildMember(h.em(), calder, MemberRole.EDITOR);

    const fork = (await h.run(FORK, { id: original.id, notes: 'Smaller hospital: drivers booked the day before.' }, editor)).data.forkExperiment;
    await h.run(`mutation($id: ID!) { updateExperiment(id: $id, version: 1, input: { ${OWN_WORDS} }) { version } }`, { id: fork.id }, editor);
    const published = await h.run('mutation($id: ID!) { publishExperiment(id: $id, version: 2) { status } }', { id: fork.id }, editor);
    expect(published.data.publishExperiment.status).toBe('PUBLISHED');
    const outcome = await h.run(
      'mutation($id: ID!) { addOutcome(experimentId: $id, input: { title: "Fewer delays", verdict: MIXED, evaluationDesign: BEFORE_AFTER, evidenceLevel: 2 }) { id } }',
      { id: fork.id },
      editor,
    );
    expect(outcome.errors).toBeUndefined();

    const PAGE = `query($id: ID) { experiment(id: $id) { title forkCount
      lineage { root { title } tree { experiment { title } latestVerdict children { experiment { title } latestVerdict } } }
      familySummary { placesTried workedIn summary } } }`;
    const expectedTree = [{ experiment: { title: 'Home from hospital' }, latestVerdict: 'WORKED', children: [{ experiment: { title: 'Home from hospital' }, latestVerdict: 'MIXED' }] }];
    for (const id of [original.id, fork.id]) {
      const page = (await h.run(PAGE, { id })).data.experiment;
      expect(page.lineage.root).toEqual({ title: 'Home from hospital' });
      expect(page.lineage.tree).toEqual(expectedTree);
      expect(page.familySummary).toEqual({ placesTried: 2, workedIn: 1, summary: 'Worked in 1 of 2 places that tried it.' });
    }
    expect((await h.run(PAGE, { id: original.id })).data.experiment.forkCount).toBe(1);

    await worker.drain();
    expect((await notificationsOf(follower)).map((n) => n.kind)).toEqual(['FORKED']);
  });
});
