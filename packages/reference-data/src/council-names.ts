/**
 * One council-name matcher for every picker (the API's organisation search and the web's pickers).
 * Browser-safe: no file access here, so the web imports it as `@synapse/reference-data/council-names`.
 */

import { foldText } from '@synapse/domain';

/** What the matcher needs to know about a council (or any organisation: alternative names may be empty). */
export interface NamedCouncil {
  name: string;
  officialName?: string | null;
  altNames?: readonly string[] | null;
}

/** Words that say what kind of body it is rather than which one: "Wigan Council" is Wigan. */
const GENERIC_WORDS = new Set([
  'council', 'borough', 'metropolitan', 'county', 'district', 'city', 'of', 'the', 'and', 'ua',
  'corporation', 'royal', 'london', 'unitary', 'authority',
]);

/** The distinctive part of a name: folded, without generic words ("City of Edinburgh Council" → "edinburgh"). */
export function coreName(text: string): string {
  const words = foldText(text).split(' ').filter(Boolean);
  const core = words.filter((word) => !GENERIC_WORDS.has(word));
  // "City of London" is all generic words: keep them rather than match nothing.
  return (core.length ? core : words).join(' ');
}

/** How well a query names a council: 0 exact, 1 prefix, 2 word prefixes, 3 contained; null for no match. */
export type MatchRank = 0 | 1 | 2 | 3;

function rankOne(query: string, candidate: string): MatchRank | null {
  if (!candidate) return null;
  if (candidate === query) return 0;
  if (candidate.startsWith(query)) return 1;
  const words = candidate.split(' ');
  if (query.split(' ').every((q) => words.some((w) => w.startsWith(q)))) return 2;
  if (candidate.includes(query)) return 3;
  return null;
}

/** The best rank of a query against a council's names (short, official and alternative), or null. */
export function rankCouncilName(query: string, council: NamedCouncil): MatchRank | null {
  const folded = foldText(query);
  if (!folded) return null;
  const core = coreName(query);
  let best: MatchRank | null = null;
  for (const name of [council.name, council.officialName ?? '', ...(council.altNames ?? [])]) {
    for (const [q, c] of [[folded, foldText(name)], [core, coreName(name)]] as const) {
      const rank = rankOne(q, c);
      if (rank !== null && (best === null || rank < best)) best = rank;
      if (best === 0) return 0;
    }
  }
  return best;
}

/** True when the query names this council outright ("Hull", "Wigan Council", "rhondda cynon taff"). */
export function isCouncilName(query: string, council: NamedCouncil): boolean {
  return rankCouncilName(query, council) === 0;
}

/**
 * The councils a query names, best first: exact, then prefix, then word-prefix, then contained matches;
 * within a rank, shorter names, then alphabetical, so the order is stable.
 */
export function matchCouncils<T extends NamedCouncil>(query: string, councils: readonly T[], limit = 10): T[] {
  return councils
    .map((council) => ({ council, rank: rankCouncilName(query, council) }))
    .filter((entry): entry is { council: T; rank: MatchRank } => entry.rank !== null)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.council.name.length - b.council.name.length ||
        (a.council.name < b.council.name ? -1 : a.council.name > b.council.name ? 1 : 0),
    )
    .slice(0, limit)
    .map((entry) => entry.council);
}
