import { ref } from '@mikro-orm/core';
import type { EntityManager } from '../../db/orm.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../../errors.js';
import type { Member } from '../member/member.entity.js';
import { similarCodes } from '../similar-council/similar-council.service.js';
import { describeSearch, normaliseFilter, normaliseQuery, searchFingerprint } from './search-criteria.js';
import { SavedSearch } from './saved-search.entity.js';
import type { SaveSearchInput } from './saved-search.inputs.js';
import { savedSearchPolicy } from './saved-search.policy.js';

/** How many searches one member may save: enough for every topic they care about, few enough to fan out cheaply. */
export const SAVED_SEARCHES_MAX = 50;

/**
 * Saves a search for the signed-in member. Saving the same words and filters again (case and order aside) returns
 * the search already saved, renamed if a new name is given; never a duplicate.
 */
export async function saveSearch(em: EntityManager, viewer: Member | null, input: SaveSearchInput): Promise<SavedSearch> {
  if (!savedSearchPolicy.save(viewer)) throw new ForbiddenError('save a search: sign in first');
  const query = normaliseQuery(input.query);
  const filter = normaliseFilter(input.filter);
  // As search() would refuse it: an unknown council, or one without neighbours.
  if (filter.similarToCouncil) similarCodes(String(filter.similarToCouncil), filter.similarCount as number | undefined, 'input.filter.similarToCouncil', 'input.filter.similarCount');
  const fingerprint = searchFingerprint(query, filter);
  const name = input.name?.replace(/\s+/g, ' ').trim();
  return em.transactional(async (tem) => {
    const existing = await tem.findOne(SavedSearch, { member: viewer.id, fingerprint });
    if (existing) {
      if (name) existing.name = name;
      return existing;
    }
    if ((await tem.count(SavedSearch, { member: viewer.id })) >= SAVED_SEARCHES_MAX) {
      throw BadInputError.field('input', `You can save up to ${SAVED_SEARCHES_MAX} searches. Delete one you no longer need first`);
    }
    const saved = Object.assign(new SavedSearch(), { member: ref(viewer), name: name || describeSearch(query, filter), query, filter, fingerprint });
    tem.persist(saved);
    return saved;
  });
}

/** Deletes one of the viewer's saved searches; NOT_FOUND for anyone else's, so their existence is not revealed. */
export async function deleteSavedSearch(em: EntityManager, viewer: Member | null, id: string): Promise<boolean> {
  if (!savedSearchPolicy.save(viewer)) throw new ForbiddenError('delete a saved search: sign in first');
  return em.transactional(async (tem) => {
    const saved = await tem.findOne(SavedSearch, { id });
    if (!saved || !savedSearchPolicy.own(viewer, saved)) throw new NotFoundError('Saved search', id);
    tem.remove(saved);
    return true;
  });
}

/** The viewer's saved searches, newest first. */
export async function savedSearchesOf(em: EntityManager, viewer: Member | null): Promise<SavedSearch[]> {
  if (!savedSearchPolicy.save(viewer)) throw new ForbiddenError('see saved searches: sign in first');
  return em.find(SavedSearch, { member: viewer.id }, { orderBy: { createdAt: 'desc', id: 'desc' } });
}
