import { MAX_NEIGHBOURS } from '@synapse/reference-data';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { alternativeNames, similarCouncils } from './similar-council.service.js';
import { SimilarCouncil } from './similar-council.types.js';

@Resolver(() => Organisation)
export class SimilarCouncilResolver {
  @FieldResolver(() => [SimilarCouncil], {
    description: `Its statistical nearest neighbours, nearest first, with the reasons (councils only; [] for partners and combined authorities). Method: docs/councils-like-mine.md.`,
  })
  similarCouncils(
    @Ctx() { em }: Context,
    @Root() organisation: Organisation,
    @Arg('first', () => Int, { defaultValue: 5, description: `How many, 0 to ${MAX_NEIGHBOURS}.` }) first: number,
  ): Promise<SimilarCouncil[]> {
    return similarCouncils(em, organisation, first);
  }

  @FieldResolver(() => [String], { description: 'Other names it goes by ("Hull", "Bristol City Council"), from the reference data.' })
  alternativeNames(@Root() organisation: Organisation): string[] {
    return alternativeNames(organisation);
  }
}
