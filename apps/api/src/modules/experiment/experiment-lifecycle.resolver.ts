import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Experiment } from './experiment.entity.js';
import { WithdrawExperimentInput } from './experiment-lifecycle.inputs.js';
import { deleteDraft, withdrawExperiment } from './experiment-lifecycle.service.js';

/** Ending an experiment's life on Synapse: withdrawing published work, deleting drafts. Editors of the lead organisation. */
@Resolver(() => Experiment)
export class ExperimentLifecycleResolver {
  @Mutation(() => Experiment, { description: 'Marks a published experiment as withdrawn, with a reason shown to readers. Editors of the lead organisation.' })
  withdrawExperiment(@Ctx() { em, viewer }: Context, @Arg('input', () => WithdrawExperimentInput) input: WithdrawExperimentInput): Promise<Experiment> {
    return withdrawExperiment(em, viewer, input);
  }

  @Mutation(() => ID, { description: 'Deletes a draft that was never published; returns its id. Editors of the lead organisation.' })
  deleteDraftExperiment(
    @Ctx() { em, viewer }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
  ): Promise<string> {
    return deleteDraft(em, viewer, id, version);
  }
}
