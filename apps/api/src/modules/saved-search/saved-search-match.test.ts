import { ExperimentStatus, MemberRole } from '@synapse/domain';
import { afterAll, assert, beforeAll, describe, expect, it } from 'vitest';
import { buildCouncil, buildExperiment, buildMember } from '../../../test/factories.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { enqueueJob } from '../job/job-queue.js';
import { JOB_HANDLERS } from '../job/job-registry.js';
import { DigestFrequency, Member } from '../member/member.entity.js';
import { Notification } from '../notification/notification.entity.js';
import { sendDigests } from '../notification/notification.service.js';
import { SearchIndex } from '../search/search-index.js';
import { MATCH_SAVED_SEARCHES } from './saved-search-match.js';

const SAVE = `mutation($input: SaveSearchInput!) { saveSearch(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishExperiment(id: $id, version: $v) { status } }`;

async function world(h: Harness) {
  const em = h.em();
  const lead = await buildCouncil(em, { name: 'Wigan Council' });
  const elsewhere = await buildCouncil(em);
  const publisher = await buildMember(em, lead, MemberRole.EDITOR);
  const lonely = await buildMember(em, elsewhere, MemberRole.MEMBER);
  const potholes = await buildMember(em, elsewhere, MemberRole.MEMBER);
  const everyday = await buildMember(em, elsewhere, MemberRole.MEMBER);
  const follower = await buildMember(em, elsewhere, MemberRole.MEMBER);
  const tag = `zq${lead.id.slice(0, 6).replace(/[^a-z0-9]/g, '')}`;
  const save = async (as: Member, input: Record<string, unknown>) => {
    const result = await h.run(SAVE, { input }, as);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  };
  // Both in adult social care; only one search's words are in the new experiment.
  await save(lonely, { query: `${tag} lonely older people`, filter: { serviceAreas: ['adult-social-care'] } });
  await save(potholes, { query: 'potholes resurfacing', filter: { serviceAreas: ['adult-social-care'] } });
  // Other words for the same thing, as the search page reads them ("loneliness" finds "lonely"; "befreinding" is a typo).
  await save(everyday, { query: `befreinding loneliness ${tag}` });
  // Follows the service area and has a matching saved search: told once.
  expect((await h.run('mutation { follow(input: { target: SERVICE_AREA, key: "adult-social-care" }) { id } }', {}, follower)).errors).toBeUndefined();
  await save(follower, { query: `lonely ${tag}` });
  // The publisher's own saved search matches, but nobody is told about their own publication.
  await save(publisher, { query: `${tag} lonely` });
  const draft = await buildExperiment(em, { lead, status: ExperimentStatus.DRAFT, title: `Befriending calls for lonely older people ${tag}`, serviceAreas: ['adult-social-care'] });
  return { lead, publisher, lonely, potholes, everyday, follower, draft };
}

/** Every job but search syncs, which cannot succeed while the engine is down (they retry until it is back). */
const NOT_SEARCH_SYNC = JOB_HANDLERS.filter((handler) => !handler.type.startsWith('search.'));

async function runJobs(h: Harness) {
  const report = await h.jobWorker({ handlers: NOT_SEARCH_SYNC }).drain();
  expect(report.failed).toBe(0);
}

const notificationsOf = (h: Harness, member: Member) => h.em().find(Notification, { member: member.id });

function suite(name: string, searchIndex: () => boolean | SearchIndex) {
  describe(name, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness({ search: searchIndex() });
    });
    afterAll(async () => {
      await h.close();
    });

    it('publishing an experiment that matches one saved search and not another notifies exactly one member, once, however often the job runs', async () => {
      const w = await world(h);
      const published = await h.run(PUBLISH, { id: w.draft.id, v: w.draft.version }, w.publisher);
      expect(published.errors, JSON.stringify(published.errors)).toBeUndefined();
      await runJobs(h);

      const told = await notificationsOf(h, w.lonely);
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ kind: 'SAVED_SEARCH_MATCH' });
      expect(told[0]?.message).toMatch(/^Wigan Council published “Befriending calls for lonely older people .*”\. It matches your saved search: “.* lonely older people” · Adult social care\.$/);
      expect(await notificationsOf(h, w.potholes)).toHaveLength(0);
      expect(await notificationsOf(h, w.publisher)).toHaveLength(0);
      expect((await notificationsOf(h, w.follower)).map((n) => n.kind)).toEqual(['NEW_EXPERIMENT']);
      if (h.searchIndex && name.includes('Meilisearch')) {
        // Search syncs did not run here: the matching job indexed the new experiment itself before asking the engine.
        expect((await h.searchIndex.documentsById([w.draft.id], ['id'])).map((d) => d.id)).toEqual([w.draft.id]);
        // The engine's typo tolerance and word forms, as on the search page (the database's whole-word fallback has neither).
        expect(await notificationsOf(h, w.everyday)).toHaveLength(1);
      }

      // The job again (a crash after its effect, a replay): nothing new.
      const [notification] = told;
      assert(notification, 'the lonely member was told');
      await enqueueJob(h.em(), MATCH_SAVED_SEARCHES, { eventId: notification.eventId, experimentId: w.draft.id, actorId: w.publisher.id });
      await runJobs(h);
      expect(await notificationsOf(h, w.lonely)).toHaveLength(1);

      // And it reaches the email digest like every notification.
      const em = h.em();
      await em.nativeUpdate(Member, { id: w.lonely.id }, { digest: DigestFrequency.DAILY });
      await sendDigests(em, { send: async (mail) => void h.mail.push(mail) }, h.config);
      expect(h.mail.find((mail) => mail.to === w.lonely.email)?.text).toContain('It matches your saved search');
    });
  });
}

suite('matched through Meilisearch', () => true);
// Nothing listens on port 9: every engine call fails, so saved searches are matched by the database's full-text search.
suite('matched through the database when the search engine is down', () => new SearchIndex({ url: 'http://127.0.0.1:9', apiKey: null, index: 'down', timeoutMs: 200 }));
