import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Outcome } from './outcome.entity.js';
import { AddOutcomeInput, UpdateOutcomeInput } from './outcome.inputs.js';
import { addOutcome, removeOutcome, updateOutcome } from './outcome.service.js';

@Resolver(() => Outcome)
export class OutcomeResolver {
  @Mutation(() => Outcome, { description: 'Records what an experiment found. Editors of the experiment only.' })
  addOutcome(
    @Ctx() { em, viewer }: Context,
    @Arg('experimentId', () => ID) experimentId: string,
    @Arg('input', () => AddOutcomeInput) input: AddOutcomeInput,
  ): Promise<Outcome> {
    return addOutcome(em, viewer, experimentId, input);
  }

  @Mutation(() => Outcome)
  updateOutcome(
    @Ctx() { em, viewer }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateOutcomeInput) input: UpdateOutcomeInput,
  ): Promise<Outcome> {
    return updateOutcome(em, viewer, id, version, input);
  }

  @Mutation(() => ID, { description: 'Removes an outcome; returns its id.' })
  removeOutcome(
    @Ctx() { em, viewer }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
  ): Promise<string> {
    return removeOutcome(em, viewer, id, version);
  }
}
