import { ExperimentStatus } from '@synapse/domain';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { connectionType, PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Outcome } from '../outcome/outcome.entity.js';
import { ServiceArea } from '../service-area/service-area.entity.js';
import { ExperimentPartner } from './experiment-partner.entity.js';
import { type ExperimentRowRoot, isEntity, leadOrganisationRow, oldestFirst, type OrganisationRow, outcomeRowsOf, type OutcomeRow } from './experiment-row.js';
import { Experiment } from './experiment.entity.js';
import { CreateExperimentInput, ExperimentFilter, UpdateExperimentInput } from './experiment.inputs.js';
import { experimentPolicy } from './experiment.policy.js';
import {
  accessFor,
  archiveExperiment,
  createExperiment,
  findVisibleExperiment,
  listExperiments,
  publishExperiment,
  updateExperiment,
} from './experiment.service.js';
import { StageChange } from './stage-change.entity.js';

export const ExperimentConnection = connectionType(Experiment, 'Experiment');

@ObjectType({ description: 'What the current viewer may do with an experiment (so clients never re-implement the rules).' })
export class ExperimentPermissions {
  @Field(() => Boolean)
  edit!: boolean;

  @Field(() => Boolean)
  publish!: boolean;

  @Field(() => Boolean)
  archive!: boolean;

  @Field(() => Boolean, { description: 'Add or remove named co-editors.' })
  manageTeam!: boolean;

  @Field(() => Boolean, { description: 'Withdraw it (published, not yet withdrawn).' })
  withdraw!: boolean;

  @Field(() => Boolean, { description: 'Delete it (a draft that was never published).' })
  deleteDraft!: boolean;
}

@Resolver(() => Experiment)
export class ExperimentResolver {
  @Query(() => Experiment, { nullable: true, description: 'One experiment by id or slug; null if missing or not visible to you.' })
  experiment(
    @Ctx() { em, viewer }: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
    @Arg('slug', () => String, { nullable: true }) slug?: string | null,
  ): Promise<Experiment | null> {
    return findVisibleExperiment(em, viewer, { id, slug });
  }

  @Query(() => ExperimentConnection, { description: 'Experiments you may see, newest first. Anonymous callers see published ones.' })
  experiments(
    @Ctx() { em, viewer }: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ExperimentFilter, { nullable: true }) filter?: ExperimentFilter | null,
  ) {
    return listExperiments(em, viewer, filter, page);
  }

  @Mutation(() => Experiment, { description: 'Starts a draft led by your organisation. Editors only.' })
  createExperiment(
    @Ctx() { em, viewer }: Context,
    @Arg('input', () => CreateExperimentInput) input: CreateExperimentInput,
  ): Promise<Experiment> {
    return createExperiment(em, viewer, input);
  }

  @Mutation(() => Experiment, {
    description:
      'Changes an experiment. `version` is the one you saw; if someone saved since, CONFLICT. Send `startedFrom` (the values you ' +
      'showed, for the fields in `input`) to conflict only when someone changed one of those fields: other changes merge, and the ' +
      'CONFLICT error lists `fields` with `theirs` and `yours`.',
  })
  updateExperiment(
    @Ctx() { em, viewer }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateExperimentInput) input: UpdateExperimentInput,
    @Arg('startedFrom', () => GraphQLJSONObject, { nullable: true, description: 'The values you started from, by input field name.' })
    startedFrom?: Record<string, unknown> | null,
  ): Promise<Experiment> {
    return updateExperiment(em, viewer, id, version, input, startedFrom);
  }

  @Mutation(() => Experiment, { description: 'Makes a draft public.' })
  publishExperiment(
    @Ctx() { em, viewer }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
  ): Promise<Experiment> {
    return publishExperiment(em, viewer, id, version);
  }

  @Mutation(() => Experiment, { description: 'Withdraws an experiment from public view; its team can still see it.' })
  archiveExperiment(
    @Ctx() { em, viewer }: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
  ): Promise<Experiment> {
    return archiveExperiment(em, viewer, id, version);
  }

  @FieldResolver(() => Organisation)
  async leadOrganisation(@Root() experiment: Experiment | ExperimentRowRoot, @Ctx() { em }: Context): Promise<Organisation | OrganisationRow> {
    return isEntity(experiment) ? experiment.leadOrganisation.loadOrFail() : leadOrganisationRow(em, experiment);
  }

  @FieldResolver(() => [ServiceArea])
  async serviceAreas(@Root() experiment: Experiment): Promise<ServiceArea[]> {
    const areas = await experiment.serviceAreas.loadItems();
    return [...areas].sort((a, b) => a.position - b.position);
  }

  @FieldResolver(() => [Organisation], { description: 'Councils where it ran.' })
  async places(@Root() experiment: Experiment): Promise<Organisation[]> {
    const places = await experiment.places.loadItems();
    return [...places].sort((a, b) => a.name.localeCompare(b.name));
  }

  @FieldResolver(() => [ExperimentPartner])
  async partners(@Root() experiment: Experiment): Promise<ExperimentPartner[]> {
    const partners = await experiment.partners.loadItems();
    return [...partners].sort((a, b) => a.position - b.position);
  }

  @FieldResolver(() => [StageChange], { description: 'Every stage the experiment has been through, oldest first.' })
  async stageHistory(@Root() experiment: Experiment): Promise<StageChange[]> {
    const changes = await experiment.stageHistory.loadItems();
    return [...changes].sort((a, b) => a.changedOn.localeCompare(b.changedOn) || a.createdAt.getTime() - b.createdAt.getTime());
  }

  @FieldResolver(() => [Outcome])
  async outcomes(@Root() experiment: Experiment | ExperimentRowRoot, @Ctx() { em }: Context): Promise<Outcome[] | OutcomeRow[]> {
    if (!isEntity(experiment)) return outcomeRowsOf(em, experiment);
    return [...(await experiment.outcomes.loadItems())].sort(oldestFirst);
  }

  @FieldResolver(() => [Artefact])
  async artefacts(@Root() experiment: Experiment): Promise<Artefact[]> {
    const artefacts = await experiment.artefacts.loadItems();
    return [...artefacts].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  @FieldResolver(() => Experiment, { nullable: true, description: 'The experiment this one was forked from, if you may see it.' })
  async forkParent(@Root() experiment: Experiment, @Ctx() { viewer }: Context): Promise<Experiment | null> {
    const parent = experiment.forkParent ? await experiment.forkParent.load() : null;
    return parent && experimentPolicy.view(await accessFor(viewer, parent)) ? parent : null;
  }

  @FieldResolver(() => [Member], { nullable: true, description: 'Named co-editors from other organisations; visible to the team (null otherwise).' })
  async coEditors(@Root() experiment: Experiment, @Ctx() { viewer }: Context): Promise<Member[] | null> {
    const access = await accessFor(viewer, experiment);
    if (!experimentPolicy.team(access)) return null;
    const team = await experiment.teamMembers.loadItems();
    return Promise.all(team.map((entry) => entry.member.loadOrFail()));
  }

  @FieldResolver(() => ExperimentPermissions)
  async viewerCan(@Root() experiment: Experiment, @Ctx() { viewer }: Context): Promise<ExperimentPermissions> {
    const access = await accessFor(viewer, experiment);
    return {
      edit: experimentPolicy.edit(access),
      publish: experimentPolicy.publish(access) && experiment.status !== ExperimentStatus.PUBLISHED,
      archive: experimentPolicy.archive(access) && experiment.status !== ExperimentStatus.ARCHIVED,
      manageTeam: experimentPolicy.manageTeam(access),
      withdraw: experimentPolicy.publish(access) && experiment.status === ExperimentStatus.PUBLISHED && !experiment.withdrawnAt,
      deleteDraft: experimentPolicy.publish(access) && experiment.status === ExperimentStatus.DRAFT && !experiment.publishedAt,
    };
  }
}

@Resolver(() => ExperimentPartner)
export class ExperimentPartnerResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The partner on Synapse, when it is there.' })
  async organisation(@Root() partner: ExperimentPartner): Promise<Organisation | null> {
    return partner.organisation ? partner.organisation.loadOrFail() : null;
  }
}
