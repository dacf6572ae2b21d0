import type { Cursor } from '@mikro-orm/core';
import { LIMITS } from '@synapse/domain';
import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
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
