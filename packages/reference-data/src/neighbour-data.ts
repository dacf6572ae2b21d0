import { type CouncilRecord, loadCouncils } from './councils.js';
import { computeNeighbours, type Neighbour } from './neighbours.js';

let cached: { councils: CouncilRecord[]; byCode: Map<string, CouncilRecord>; neighbours: Map<string, Neighbour[]> } | null = null;

/**
 * The shipped councils and their neighbours, computed on first use and kept for the life of the process.
 * A cache of a pure function of files in this package: every process computes the same answer.
 */
export function referenceNeighbours(): { councils: CouncilRecord[]; byCode: Map<string, CouncilRecord>; neighbours: Map<string, Neighbour[]> } {
  if (!cached) {
    const councils = loadCouncils();
    cached = { councils, byCode: new Map(councils.map((c) => [c.gssCode, c])), neighbours: computeNeighbours(councils) };
  }
  return cached;
}

/** A council's nearest neighbours (up to `count`, at most MAX_NEIGHBOURS), or [] for an unknown code or a combined authority. */
export function neighboursOf(gssCode: string, count?: number): Neighbour[] {
  const list = referenceNeighbours().neighbours.get(gssCode) ?? [];
  return count === undefined ? list : list.slice(0, Math.max(0, count));
}
