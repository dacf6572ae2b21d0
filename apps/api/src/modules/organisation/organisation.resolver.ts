import { Arg, Args, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { connectionType, PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { Organisation } from './organisation.entity.js';
import { OrganisationFilter } from './organisation.inputs.js';
import { findOrganisation, listOrganisations } from './organisation.service.js';

export const OrganisationConnection = connectionType(Organisation, 'Organisation');

@ObjectType({ description: 'A council\'s hexagon on an equal-area hex map of the UK (HexJSON "odd-r" layout).' })
export class HexPosition {
  @Field(() => String, { description: 'DISTRICTS_2023 (lower tier and unitary) or UPPER_TIER (counties).' })
  layout!: string;

  @Field(() => Int)
  q!: number;

  @Field(() => Int)
  r!: number;
}

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => Organisation, { nullable: true, description: 'One organisation by GSS code or slug.' })
  organisation(
    @Ctx() { em }: Context,
    @Arg('gssCode', () => String, { nullable: true }) gssCode?: string | null,
    @Arg('slug', () => String, { nullable: true }) slug?: string | null,
  ): Promise<Organisation | null> {
    return findOrganisation(em, { gssCode, slug });
  }

  @Query(() => OrganisationConnection, { description: 'Councils and partner organisations, by name.' })
  organisations(
    @Ctx() { em }: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OrganisationFilter, { nullable: true }) filter?: OrganisationFilter | null,
  ) {
    return listOrganisations(em, filter, page);
  }

  @FieldResolver(() => HexPosition, { nullable: true })
  hexPosition(@Root() organisation: Organisation): HexPosition | null {
    if (organisation.hexLayout === null || organisation.hexQ === null || organisation.hexR === null) return null;
    return { layout: organisation.hexLayout, q: organisation.hexQ, r: organisation.hexR };
  }
}
