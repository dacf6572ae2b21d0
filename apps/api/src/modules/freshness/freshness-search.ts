import type { FilterQuery } from '@mikro-orm/core';
import type { Experiment } from '../experiment/experiment.entity.js';
import type { SearchFilter } from '../search/search.inputs.js';
import { addDays, dateNumber } from './freshness-rules.js';

// The search filters of the freshness module, for Meilisearch and for the database fallback, kept side by side.

/** Meilisearch clauses: `registered` and `reviewBase` are document fields (experiment-document.ts). */
export function freshnessClauses(filter: SearchFilter, reviewCutoff: string | undefined): string[] {
  const clauses: string[] = [];
  if (typeof filter.registered === 'boolean') clauses.push(`registered = ${filter.registered}`);
  if (filter.excludeOverdueReview && reviewCutoff) clauses.push(`reviewBase > ${dateNumber(reviewCutoff)}`);
  return clauses;
}

/** The same filters as database conditions (the review base is the later of the last substantive change and review). */
export function freshnessConditions(filter: SearchFilter | null | undefined, reviewCutoff: string | undefined): FilterQuery<Experiment>[] {
  const conditions: FilterQuery<Experiment>[] = [];
  if (filter?.registered === true) conditions.push({ registration: { $ne: null } });
  if (filter?.registered === false) conditions.push({ registration: null });
  if (filter?.excludeOverdueReview && reviewCutoff) {
    const after = new Date(`${addDays(reviewCutoff, 1)}T00:00:00Z`);
    conditions.push({
      $or: [
        { lastReviewedOn: { $gt: reviewCutoff } },
        { contentChangedAt: { $gte: after } },
        { contentChangedAt: null, publishedAt: { $gte: after } },
        { contentChangedAt: null, publishedAt: null, createdAt: { $gte: after } },
      ],
    });
  }
  return conditions;
}
