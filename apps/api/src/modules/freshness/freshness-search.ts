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

/**
 * Whether a search document was overdue for review at the cutoff (reviewCutoff as a dateNumber): the filter's rule,
 * turned round. The relevance re-ranking (rerank in query-understanding.ts) puts such records after current ones
 * that score exactly the same, as its last tie-breaker.
 */
export function overdueInIndex(reviewBase: number | undefined, cutoff: number | undefined): boolean {
  return reviewBase !== undefined && cutoff !== undefined && reviewBase <= cutoff;
}

/**
 * The same filters for the database fallback (search-fallback.ts, raw SQL over `experiments e`): the review base
 * is the later of the last substantive change (else publication, else creation) and the last review.
 */
export function freshnessSql(
  where: { clauses: string[]; params: unknown[] },
  filter: SearchFilter | null | undefined,
  reviewCutoff: string | undefined,
  toDbDate: (date: Date) => unknown,
): void {
  if (typeof filter?.registered === 'boolean') {
    where.clauses.push(`${filter.registered ? '' : 'not '}exists (select 1 from measure_registrations r where r.experiment_id = e.id)`);
  }
  if (filter?.excludeOverdueReview && reviewCutoff) {
    const after = toDbDate(new Date(`${addDays(reviewCutoff, 1)}T00:00:00Z`));
    where.clauses.push(
      '(e.last_reviewed_on > ? or e.content_changed_at >= ? or (e.content_changed_at is null and e.published_at >= ?)' +
        ' or (e.content_changed_at is null and e.published_at is null and e.created_at >= ?))',
    );
    where.params.push(reviewCutoff, after, after, after);
  }
}
