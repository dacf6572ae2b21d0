import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { changeHistory } from './change-history.service.js';
import { Experiment } from './experiment.entity.js';

@ObjectType({ description: 'What changed on an experiment\'s page on one day. Names no one.' })
export class ChangeHistoryDay {
  @Field(() => LocalDateScalar)
  on!: string;

  @Field(() => [String], { description: 'e.g. "outcome added", "moved to the scaling stage", "withdrawn".' })
  changes!: string[];
}

@Resolver(() => Experiment)
export class ChangeHistoryResolver {
  @FieldResolver(() => [ChangeHistoryDay], {
    description: 'The public change history, newest day first: its stages (on the dates its team gave) and changes made since it was published.',
  })
  changeHistory(@Root() experiment: Experiment, @Ctx() { em }: Context): Promise<ChangeHistoryDay[]> {
    return changeHistory(em, experiment);
  }
}
