import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { type ExperimentRowRoot, isEntity } from '../experiment/experiment-row.js';
import { NetworkStatistics } from '../experiment/statistics.resolver.js';
import { isResultsOverdue, isReviewOverdue, isStanding, lastSubstantiveChange, reviewDueOn } from './freshness-rules.js';
import { RegisterMeasuresInput, ReminderSettingsInput } from './freshness.inputs.js';
import { attentionFor, confirmStillAccurate, type ReportingFigures, reportingRates, setFreshnessReminders } from './freshness.service.js';
import {
  AttentionItem,
  JoinRequestItem,
  MeasureComparison,
  ReminderSettings,
  ReportingRate,
  ResultsOverdueItem,
  ReviewDueItem,
  ServiceAreaReportingRate,
} from './freshness.types.js';
import { MeasureRegistration } from './measure-registration.entity.js';
import { compareMeasures, registerMeasures } from './registration.service.js';

@Resolver(() => Experiment)
export class ExperimentFreshnessResolver {
  @FieldResolver(() => Date, { description: 'When the content last changed substantively (content, stage, outcomes, artefacts; not follows or views).' })
  lastUpdatedAt(@Root() experiment: Experiment): Date {
    return lastSubstantiveChange(experiment);
  }

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description: 'Published experiments (not withdrawn): when the team should next confirm it is still accurate (REVIEW_MONTHS after the last substantive change or review).',
  })
  reviewDueOn(@Root() experiment: Experiment, @Ctx() { services }: Context): string | null {
    return isStanding(experiment) ? reviewDueOn(experiment, services.config.freshness) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Published and past its review-due date: its team has been asked to check it.' })
  reviewOverdue(@Root() experiment: Experiment, @Ctx() { services, clock }: Context): boolean {
    return isReviewOverdue(experiment, clock.now(), services.config.freshness);
  }

  @FieldResolver(() => Boolean, { description: 'Published, its end date has passed and no outcome is reported: "results not yet reported".' })
  async resultsOverdue(@Root() experiment: Experiment, @Ctx() { clock }: Context): Promise<boolean> {
    if (!experiment.endDate || !isStanding(experiment)) return false;
    return isResultsOverdue(experiment, (await experiment.outcomes.loadItems()).length, clock.now());
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether its measures were registered before results (the "registered" badge and search filter). Costs no query, unlike registration.',
  })
  registered(@Root() experiment: Experiment | ExperimentRowRoot): boolean {
    // An entity's registration id comes with it (MikroORM joins the owning side of a 1:1), and so does a row's
    // (search-hit-read.ts), so a page of hits costs nothing more.
    return isEntity(experiment) ? !!experiment.registration : experiment.registered;
  }

  @FieldResolver(() => MeasureRegistration, { nullable: true, description: 'Measures registered before results; null when none were.' })
  async registration(@Root() experiment: Experiment): Promise<MeasureRegistration | null> {
    return experiment.registration ? experiment.registration.load() : null;
  }

  @FieldResolver(() => [MeasureComparison], {
    nullable: true,
    description: 'Registered measures against those the outcomes report, flagging measures dropped or added after registration; null when not registered.',
  })
  async measureComparison(@Root() experiment: Experiment): Promise<MeasureComparison[] | null> {
    const registration = experiment.registration ? await experiment.registration.load() : null;
    if (!registration) return null;
    return compareMeasures(registration, await experiment.outcomes.loadItems());
  }

  @Mutation(() => Experiment, { description: '"Still accurate": records today as the last review and restarts the review cycle. Editors of the experiment only.' })
  confirmExperimentStillAccurate(@Ctx() { em, viewer, clock }: Context, @Arg('id', () => ID) id: string): Promise<Experiment> {
    return confirmStillAccurate(em, viewer, id, clock.now());
  }

  @Mutation(() => MeasureRegistration, {
    description: 'Registers what will be measured and how, before any outcome. Once only: the registration is frozen (BAD_USER_INPUT on experimentId after).',
  })
  registerMeasures(
    @Ctx() { em, viewer }: Context,
    @Arg('experimentId', () => ID) experimentId: string,
    @Arg('input', () => RegisterMeasuresInput) input: RegisterMeasuresInput,
  ): Promise<MeasureRegistration> {
    return registerMeasures(em, viewer, experimentId, input);
  }
}

@Resolver()
export class AttentionResolver {
  @Query(() => [AttentionItem], {
    description: "What needs your organisation's editors and admins: reviews due, results overdue, and (admins) join requests. Oldest first, by kind.",
  })
  async attention(@Ctx() { em, viewer, clock, services }: Context): Promise<(typeof AttentionItem)[]> {
    const { overdue, joinRequests } = await attentionFor(em, viewer, clock.now(), services.config.freshness);
    return [
      ...overdue.map((item) =>
        item.kind === 'REVIEW_DUE'
          ? Object.assign(new ReviewDueItem(), { experiment: item.experiment, dueOn: item.since })
          : Object.assign(new ResultsOverdueItem(), { experiment: item.experiment, endDate: item.since }),
      ),
      ...joinRequests.map((joinRequest) => Object.assign(new JoinRequestItem(), { joinRequest })),
    ];
  }

  @Query(() => ReminderSettings, { nullable: true, description: 'Your reminder settings; null when signed out.' })
  reminderSettings(@Ctx() { viewer }: Context): ReminderSettings | null {
    return viewer ? { enabled: viewer.freshnessReminders } : null;
  }

  @Mutation(() => ReminderSettings, { description: 'Switches your reminders about reviews due and results overdue on or off.' })
  async setReminderSettings(@Ctx() { em, viewer }: Context, @Arg('input', () => ReminderSettingsInput) input: ReminderSettingsInput): Promise<ReminderSettings> {
    const member = await setFreshnessReminders(em, viewer, input.enabled);
    return { enabled: member.freshnessReminders };
  }
}

function rate(figures: ReportingFigures): ReportingRate {
  return { ...figures, percentReported: figures.finished ? Math.round((100 * figures.reported) / figures.finished) : null };
}

/** Computed once per statistics object, whichever of its reporting fields are asked for. */
const rates = new WeakMap<object, ReturnType<typeof reportingRates>>();

@Resolver(() => NetworkStatistics)
export class StatisticsReportingResolver {
  @FieldResolver(() => ReportingRate, { description: 'Published pilots, not withdrawn, whose end date has passed, and how many of them have reported results.' })
  async resultsReporting(@Root() statistics: NetworkStatistics, @Ctx() { em, clock }: Context): Promise<ReportingRate> {
    if (!rates.has(statistics)) rates.set(statistics, reportingRates(em, clock.now()));
    return rate((await rates.get(statistics)!).overall);
  }

  @FieldResolver(() => [ServiceAreaReportingRate], { description: 'The same, by service area (a pilot in two areas counts in both).' })
  async resultsReportingByServiceArea(@Root() statistics: NetworkStatistics, @Ctx() { em, clock }: Context): Promise<ServiceAreaReportingRate[]> {
    if (!rates.has(statistics)) rates.set(statistics, reportingRates(em, clock.now()));
    return (await rates.get(statistics)!).byServiceArea.map((area) => ({ serviceAreaSlug: area.slug, serviceAreaName: area.name, rate: rate(area.figures) }));
  }
}
