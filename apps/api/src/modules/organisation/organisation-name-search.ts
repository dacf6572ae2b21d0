import type { FilterQuery } from '@mikro-orm/core';
import { foldText } from '@synapse/domain';
import { coreName, matchCouncils, referenceNeighbours } from '@synapse/reference-data';
import type { EntityManager } from '../../db/orm.js';
import { containsText } from '../../db/text-match.js';
import { BadInputError } from '../../errors.js';
import { type ConnectionShape, EMPTY_PAGE } from '../../graphql/connection.js';
import { Organisation } from './organisation.entity.js';

/** More candidates than any picker shows; beyond this a name is too vague to rank usefully. */
const CANDIDATES_MAX = 500;

function decodeCursor(after: string | null | undefined): number {
  if (!after) return 0;
  const match = /^name:(\d{1,4})$/.exec(Buffer.from(after, 'base64url').toString());
  if (!match) throw BadInputError.field('after', 'is not a cursor from this list');
  return Number(match[1]);
}

const encodeCursor = (offset: number) => Buffer.from(`name:${offset}`).toString('base64url');

/**
 * Organisations by name through the one council-name matcher (common names, alternative spellings, with or
 * without "Council"), best match first: exact, then prefix, then word prefixes, then names containing the text.
 */
export async function searchOrganisationsByName(
  em: EntityManager,
  name: string,
  conditions: FilterQuery<Organisation>[],
  page: { first: number; after?: string | null },
): Promise<ConnectionShape<Organisation>> {
  const offset = decodeCursor(page.after);
  const { councils } = referenceNeighbours();
  const councilCodes = matchCouncils(name, councils, CANDIDATES_MAX).map((council) => council.gssCode);
  // Partners have no alternative names: their names are matched in the database, on the distinctive words.
  const words = (coreName(name) || foldText(name)).replace(/[\\%_]/g, '');
  const byText: FilterQuery<Organisation>[] = words
    ? [{ name: containsText(em, words) }, { officialName: containsText(em, words) }, { name: containsText(em, name.trim()) }]
    : [];
  if (councilCodes.length === 0 && byText.length === 0) return { edges: [], nodes: [], pageInfo: EMPTY_PAGE, totalCount: 0 };
  const candidates = await em.find(
    Organisation,
    { $and: [...conditions, { $or: [...byText, ...(councilCodes.length ? [{ gssCode: { $in: councilCodes } }] : [])] }] },
    { limit: CANDIDATES_MAX, orderBy: { name: 'asc', id: 'asc' } },
  );
  const byCode = new Map(councils.map((council) => [council.gssCode, council]));
  const named = candidates.map((organisation) => ({
    organisation,
    name: organisation.name,
    officialName: organisation.officialName,
    altNames: (organisation.gssCode && byCode.get(organisation.gssCode)?.altNames) || [],
  }));
  const ranked = matchCouncils(name, named, CANDIDATES_MAX).map((entry) => entry.organisation);
  // Found by the database but not by the matcher (odd punctuation): keep them, last.
  const seen = new Set(ranked);
  const all = [...ranked, ...candidates.filter((organisation) => !seen.has(organisation))];
  const nodes = all.slice(offset, offset + page.first);
  return {
    edges: nodes.map((node, i) => ({ cursor: encodeCursor(offset + i + 1), node })),
    nodes,
    pageInfo: {
      hasNextPage: offset + nodes.length < all.length,
      hasPreviousPage: offset > 0,
      startCursor: nodes.length ? encodeCursor(offset + 1) : null,
      endCursor: nodes.length ? encodeCursor(offset + nodes.length) : null,
    },
    totalCount: all.length,
  };
}
