import { type Cursor, type EntityName, type FindByCursorOptions, Cursor as CursorCodec } from '@mikro-orm/core';
import { LIMITS } from '@synapse/domain';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import type { EntityManager } from '../db/orm.js';
import { BadInputError } from '../errors.js';

const CURSOR_REASON = 'is not a cursor from this list (use an endCursor this list gave you)';

/** A cursor this API could have made: base64url JSON of a short list of plain values (never objects or operators). */
export function isPageCursor(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const decoded: unknown = CursorCodec.decode(value);
    return Array.isArray(decoded) && decoded.length > 0 && decoded.length <= 4 && decoded.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
  } catch {
    return false;
  }
}
import { ArgsType, type ClassType, Field, Int, ObjectType } from 'type-graphql';

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** Relay-style paging arguments shared by every list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: LIMITS.pageSizeDefault, description: `At most ${LIMITS.pageSizeMax}.` })
  @IsInt()
  @Min(0)
  @Max(LIMITS.pageSizeMax)
  first: number = LIMITS.pageSizeDefault;

  @Field(() => String, { nullable: true, description: 'An endCursor from a previous page.' })
  @IsOptional()
  @MaxLength(500)
  after?: string | null;
}

/** The values of a cursor this API could have made; BAD_USER_INPUT on `after` for anything else. */
export function pageCursorValues(after: string): unknown[] {
  if (!isPageCursor(after)) throw BadInputError.field('after', CURSOR_REASON);
  return CursorCodec.decode(after) as unknown[];
}

/**
 * One page of a list, by cursor. A cursor that decodes but does not fit this list's ordering (a date column
 * given a word) makes the database refuse the query: that is the caller's cursor, so BAD_USER_INPUT on `after`.
 */
export async function findPage<T extends object>(em: EntityManager, entity: EntityName<T>, options: FindByCursorOptions<T, never, never, never, true>,
): Promise<Cursor<T, never, never, never, true>> {
  // Checked here rather than on PageArgs: some lists (search, organisations by name) make cursors of their own.
  if (options.after && !isPageCursor(options.after)) throw BadInputError.field('after', CURSOR_REASON);
  try {
    // (The options type is MikroORM's own; only its generic inference needs help here.)
    return (await em.findByCursor(entity, options as never)) as unknown as Cursor<T, never, never, never, true>;
  } catch (error) {
    if (options.after) throw BadInputError.field('after', CURSOR_REASON);
    throw error;
  }
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the Connection/Edge object types for a node type. */
export function connectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [node], { description: 'The nodes of the edges, for callers that do not need cursors.' })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many match the filter, across all pages.' })
    totalCount!: number;
  }
  return Connection;
}

export const EMPTY_PAGE: PageInfo = { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null };

/** Turns a MikroORM cursor page into a Relay connection. */
export function toConnection<T extends object>(cursor: Cursor<T, never, never, never, true>): ConnectionShape<T> {
  const nodes = [...cursor.items] as T[];
  return {
    edges: nodes.map((node) => ({ cursor: cursor.from(node), node })),
    nodes,
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: nodes.length > 0 ? cursor.startCursor : null,
      endCursor: nodes.length > 0 ? cursor.endCursor : null,
    },
    totalCount: cursor.totalCount,
  };
}
