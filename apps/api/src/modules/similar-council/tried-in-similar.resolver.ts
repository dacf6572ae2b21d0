import { MAX_NEIGHBOURS } from '@synapse/reference-data';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { triedInSimilarCouncils } from './tried-in-similar.service.js';
import { TriedInSimilarCouncils } from './tried-in-similar.types.js';

@Resolver(() => Experiment)
export class TriedInSimilarResolver {
  @FieldResolver(() => TriedInSimilarCouncils, {
    nullable: true,
    description:
      "How this experiment and its family fared in councils like yours: like `to` (a GSS code), else like the signed-in member's own council; null when there is neither.",
  })
  triedInSimilarCouncils(
    @Ctx() { em, viewer }: Context,
    @Root() experiment: Experiment,
    @Arg('to', () => String, { nullable: true, description: 'GSS code of the council to compare with; defaults to your own.' }) to: string | null,
    @Arg('similarCount', () => Int, { nullable: true, description: `How many nearest neighbours count as "like": 1 to ${MAX_NEIGHBOURS}, 10 when not given.` })
    similarCount: number | null,
  ): Promise<TriedInSimilarCouncils | null> {
    return triedInSimilarCouncils(em, viewer, experiment, { to, similarCount });
  }
}
