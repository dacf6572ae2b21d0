import { createUnionType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { JoinRequest } from '../membership/join-request.entity.js';
import { Measure } from '../outcome/outcome.entity.js';
import { RegisteredMeasure } from './measure-registration.entity.js';
import { MeasureComparisonStatus } from './registration.service.js';

registerEnumType(MeasureComparisonStatus, {
  name: 'MeasureComparisonStatus',
  description: 'How a measure stands against the registration: REPORTED, AWAITING_RESULTS, DROPPED (registered, left out of the outcomes) or ADDED_AFTER_REGISTRATION.',
});

@ObjectType({ description: 'One measure, registered against reported.' })
export class MeasureComparison {
  @Field(() => String)
  name!: string;

  @Field(() => MeasureComparisonStatus)
  status!: MeasureComparisonStatus;

  @Field(() => RegisteredMeasure, { nullable: true, description: 'As registered; null when added after registration.' })
  registered!: RegisteredMeasure | null;

  @Field(() => Measure, { nullable: true, description: 'As reported in the newest outcome that has it; null when not reported.' })
  reported!: Measure | null;

  @Field(() => String, { nullable: true, description: 'The title of the outcome that reported it.' })
  outcomeTitle!: string | null;
}

@ObjectType({ description: 'How many finished pilots have reported results.' })
export class ReportingRate {
  @Field(() => Int, { description: 'Published experiments whose end date has passed.' })
  finished!: number;

  @Field(() => Int, { description: 'Of those, how many have at least one outcome.' })
  reported!: number;

  @Field(() => Int, { nullable: true, description: 'reported / finished as a whole percentage; null when none has finished.' })
  percentReported!: number | null;
}

@ObjectType()
export class ServiceAreaReportingRate {
  @Field(() => String)
  serviceAreaSlug!: string;

  @Field(() => String)
  serviceAreaName!: string;

  @Field(() => ReportingRate)
  rate!: ReportingRate;
}

@ObjectType({ description: 'A published experiment due for review: its team should confirm it is still accurate or update it.' })
export class ReviewDueItem {
  @Field(() => Experiment)
  experiment!: Experiment;

  @Field(() => LocalDateScalar, { description: 'When the review fell due.' })
  dueOn!: string;
}

@ObjectType({ description: 'A published experiment whose end date has passed with no outcome reported.' })
export class ResultsOverdueItem {
  @Field(() => Experiment)
  experiment!: Experiment;

  @Field(() => LocalDateScalar)
  endDate!: string;
}

@ObjectType({ description: 'Someone asking to join your organisation (admins only).' })
export class JoinRequestItem {
  @Field(() => JoinRequest)
  joinRequest!: JoinRequest;
}

/**
 * One thing that needs an organisation's editors or admins. A union, so new kinds (unanswered questions,
 * broken links) are added as new members without changing the existing ones.
 */
export const AttentionItem = createUnionType({
  name: 'AttentionItem',
  description: 'Something that needs your organisation: ReviewDueItem, ResultsOverdueItem or JoinRequestItem (more kinds may be added: ignore those you do not know).',
  types: () => [ReviewDueItem, ResultsOverdueItem, JoinRequestItem] as const,
});

@ObjectType()
export class ReminderSettings {
  @Field(() => Boolean, { description: 'Whether you get reminders about reviews due and results overdue.' })
  enabled!: boolean;
}
