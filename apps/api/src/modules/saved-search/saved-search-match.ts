import { ref } from '@mikro-orm/core';
import { ExperimentStatus } from '@synapse/domain';
import { Experiment } from '../experiment/experiment.entity.js';
import { reviewCutoff } from '../freshness/freshness-rules.js';
import { newJob } from '../job/job-queue.js';
import type { Job } from '../job/job.entity.js';
import type { JobHandler } from '../job/job.types.js';
import { Member } from '../member/member.entity.js';
import type { DomainEvent } from '../notification/domain-event.entity.js';
import { Notification, NotificationKind } from '../notification/notification.entity.js';
import { SavedSearch } from './saved-search.entity.js';
import { engineForMatching, matchingSearches } from './saved-search-matching.js';

/** The job that tells owners of saved searches about a newly published experiment that matches them. */
export const MATCH_SAVED_SEARCHES = 'saved-search.match';

/** Saved searches read at a time. */
const PAGE = 500;

/** The matching job for a NEW_EXPERIMENT event (enqueued by the fan-out job, in its transaction). */
export function matchSavedSearchesJob(event: DomainEvent): Job {
  return newJob(MATCH_SAVED_SEARCHES, { eventId: event.id, experimentId: event.experimentId, actorId: event.actorId }, { key: event.id });
}

/**
 * One notification per member whose saved search matches, keyed by the event like every notification: a member
 * already told about this publication (they follow its service area, or the job ran before) is not told again, and
 * the person who published is never told. Only published experiments, which everyone may see.
 */
export const savedSearchMatchJob: JobHandler = {
  type: MATCH_SAVED_SEARCHES,
  maxAttempts: 20,
  async run(payload, { em, searchIndex, config, now, log }) {
    const eventId = String(payload.eventId);
    const experiment = await em.findOne(Experiment, { id: String(payload.experimentId) }, { populate: ['leadOrganisation'] });
    if (!experiment || experiment.status !== ExperimentStatus.PUBLISHED) return;
    // Nobody else has a saved search: nothing to match, so no reason to bring the index up to date first (that sync,
    // once per publication, was most of the queue's work under a stream of publications; the queued sync does it).
    const actor = payload.actorId ? String(payload.actorId) : null;
    if ((await em.count(SavedSearch, { member: { deletedAt: null, ...(actor ? { id: { $ne: actor } } : {}) } })) === 0) return;
    const cutoff = reviewCutoff(now(), config.freshness);
    const engine = await engineForMatching(em, searchIndex, experiment.id);
    const matched: SavedSearch[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await em.find(SavedSearch, { member: { deletedAt: null } }, { orderBy: { id: 'asc' }, limit: PAGE, offset });
      const candidates = page.filter((saved) => saved.member.id !== payload.actorId);
      const found = await matchingSearches(em, engine, experiment.id, candidates, cutoff);
      if (found.degraded && candidates.length) log(`saved searches for ${experiment.id} matched by the database: the search engine did not answer`);
      matched.push(...found.matched);
      if (page.length < PAGE) break;
    }
    const lead = experiment.leadOrganisation.getEntity().name;
    await em.transactional(async (tx) => {
      const notified = new Set((await tx.find(Notification, { eventId }, { fields: ['member'] })).map((n) => n.member.id));
      for (const saved of matched) {
        if (notified.has(saved.member.id)) continue;
        notified.add(saved.member.id);
        tx.persist(
          Object.assign(new Notification(), {
            member: tx.getReference(Member, saved.member.id, { wrapped: true }),
            eventId,
            kind: NotificationKind.SAVED_SEARCH_MATCH,
            experiment: ref(tx.getReference(Experiment, experiment.id)),
            message: `${lead} published “${experiment.title}”. It matches your saved search: ${saved.name}.`,
          }),
        );
      }
    });
  },
};
