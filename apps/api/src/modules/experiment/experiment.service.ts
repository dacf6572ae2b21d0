import { type FilterQuery, ref } from '@mikro-orm/core';
import { ExperimentStatus, Stage } from '@synapse/domain';
import { type EntityManager, isPostgres } from '../../db/orm.js';
import { uniqueSlug } from '../../db/unique-slug.js';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError, type FieldProblem } from '../../errors.js';
import { type ConnectionShape, findPage, toConnection } from '../../graphql/connection.js';
import type { Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { ServiceArea } from '../service-area/service-area.entity.js';
import { ExperimentPartner } from './experiment-partner.entity.js';
import { Experiment } from './experiment.entity.js';
import type { CreateExperimentInput, ExperimentFieldsInput, ExperimentFilter, UpdateExperimentInput } from './experiment.inputs.js';
import { type ExperimentAccess, experimentPolicy, organisationIdOf } from './experiment.policy.js';
import { StageChange } from './stage-change.entity.js';
import { EventKind, recordEvent } from '../notification/events.js';
import { experimentFilterConditions } from './experiment-filter.js';
import { today } from './text.js';
import { unchangedFromOriginal } from './own-words.js';
import { assertSectionUnchanged } from './section-merge.js';
import { isSubstantive, markSubstantiveChange } from '../freshness/substantive-change.js';

export type ExperimentAction = 'edit' | 'publish' | 'archive' | 'manageTeam';

/** The facts the policy needs: co-editorship is looked up (batched across a page) only when it can matter. */
export async function accessFor(viewer: Member | null, experiment: Experiment): Promise<ExperimentAccess> {
  let coEditor = false;
  if (viewer && organisationIdOf(viewer) !== experiment.leadOrganisation.id) {
    const team = await experiment.teamMembers.loadItems();
    coEditor = team.some((entry) => entry.member.id === viewer.id);
  }
  return { member: viewer, experiment, coEditor };
}

/** Finds an experiment the viewer may see, by id or slug; null when missing or not visible. */
export async function findVisibleExperiment(
  em: EntityManager,
  viewer: Member | null,
  key: { id?: string | null; slug?: string | null },
): Promise<Experiment | null> {
  if (!key.id && !key.slug) throw BadInputError.field('id', 'give an id or a slug');
  const where: FilterQuery<Experiment> = key.id ? { id: key.id } : { slug: key.slug! };
  const experiment = await em.findOne(Experiment, where);
  return experiment && experimentPolicy.view(await accessFor(viewer, experiment)) ? experiment : null;
}

/** The rows of `experiment.policy.ts`'s view rule, as a query: published, or the viewer's team's. */
function visibilityCondition(viewer: Member | null, statuses: ExperimentStatus[]): FilterQuery<Experiment> | null {
  const hidden = statuses.filter((status) => status !== ExperimentStatus.PUBLISHED);
  const branches: FilterQuery<Experiment>[] = [];
  if (statuses.includes(ExperimentStatus.PUBLISHED)) branches.push({ status: ExperimentStatus.PUBLISHED });
  if (hidden.length > 0 && viewer) {
    const organisationId = organisationIdOf(viewer);
    const team: FilterQuery<Experiment>[] = [{ teamMembers: { member: viewer.id } }];
    if (organisationId) team.push({ leadOrganisation: organisationId });
    branches.push({ status: { $in: hidden }, $or: team });
  }
  if (branches.length === 0) return null;
  return branches.length === 1 ? branches[0] : { $or: branches };
}

/** A page of the experiments the viewer may see, newest first. */
export async function listExperiments(
  em: EntityManager,
  viewer: Member | null,
  filter: ExperimentFilter | null | undefined,
  page: { first: number; after?: string | null },
): Promise<ConnectionShape<Experiment>> {
  const visibility = visibilityCondition(viewer, filter?.statuses ?? [ExperimentStatus.PUBLISHED]);
  const conditions: FilterQuery<Experiment>[] = visibility ? [visibility] : [{ id: { $in: [] } }];
  conditions.push(...experimentFilterConditions(filter, isPostgres(em)));
  const cursor = await findPage(em, Experiment, {
    where: { $and: conditions },
    first: page.first,
    after: page.after ?? undefined,
    orderBy: { createdAt: 'desc', id: 'desc' },
  });
  return toConnection(cursor);
}

/** Loads an experiment for a change: NOT_FOUND if the viewer cannot see it, FORBIDDEN, then CONFLICT on a stale version. */
export async function loadForChange(
  em: EntityManager,
  viewer: Member | null,
  id: string,
  action: ExperimentAction,
  expectedVersion?: number,
): Promise<Experiment> {
  const experiment = await em.findOne(Experiment, { id });
  const access = experiment ? await accessFor(viewer, experiment) : null;
  if (!experiment || !access || !experimentPolicy.view(access)) throw new NotFoundError('Experiment', id);
  if (!experimentPolicy[action](access)) throw new ForbiddenError(`${action === 'manageTeam' ? 'manage the team of' : action} this experiment`);
  if (expectedVersion !== undefined && experiment.version !== expectedVersion) {
    throw new ConflictError('This experiment', expectedVersion, experiment.version);
  }
  return experiment;
}

/** A slug from the title, made unique with a number when taken. */
export function experimentSlug(em: EntityManager, title: string): Promise<string> {
  return uniqueSlug(em, Experiment, title, 'experiment');
}

export function recordStage(experiment: Experiment, stage: Stage, changedOn: string, note: string | null): void {
  const change = new StageChange();
  change.experiment = ref(experiment);
  change.stage = stage;
  change.changedOn = changedOn;
  change.note = note;
  experiment.stageHistory.add(change);
  experiment.stage = stage;
}

const SCALARS = [
  'problem', 'whoItServes', 'whatIsNew', 'approach', 'startDate', 'endDate', 'budgetBand', 'actualCost',
  'fundingSource', 'contactName', 'contactRole', 'contactEmail', 'lastReviewedOn',
] as const satisfies readonly (keyof ExperimentFieldsInput & keyof Experiment)[];

/** Applies create/update fields, resolving references; throws BadInputError before anything is written. */
export async function applyExperimentFields(
  em: EntityManager,
  experiment: Experiment,
  input: ExperimentFieldsInput & { title?: string; summary?: string },
  isNew: boolean,
): Promise<void> {
  const problems: FieldProblem[] = [];
  if (input.title !== undefined) experiment.title = input.title.trim();
  if (input.summary !== undefined) experiment.summary = input.summary.trim();
  for (const key of SCALARS) {
    const value = input[key];
    if (value !== undefined) (experiment as unknown as Record<string, unknown>)[key] = value;
  }
  // Non-nullable columns: null in an update means "back to the default".
  for (const key of ['problem', 'whatIsNew', 'approach'] as const) {
    if (experiment[key] === null) experiment[key] = '';
  }
  if (input.themes !== undefined) experiment.themes = [...new Set((input.themes ?? []).map((t) => t.trim().toLowerCase()))];
  if (input.licence !== undefined && input.licence !== null) experiment.licence = input.licence;

  if (input.serviceAreas !== undefined) {
    const slugs = input.serviceAreas ?? [];
    const areas = slugs.length ? await em.find(ServiceArea, { slug: { $in: slugs } }) : [];
    experiment.serviceAreas.set(areas);
  }

  if (input.placeGssCodes !== undefined) {
    const codes = input.placeGssCodes ?? [];
    const places = codes.length ? await em.find(Organisation, { gssCode: { $in: codes } }) : [];
    const found = new Set(places.map((place) => place.gssCode));
    codes.forEach((code, index) => {
      if (!found.has(code)) problems.push({ field: `input.placeGssCodes.${index}`, reason: `no council has GSS code ${code}` });
    });
    experiment.places.set(places);
  }

  if (input.partners !== undefined) {
    const partners = input.partners ?? [];
    const slugs = partners.map((p) => p.organisationSlug).filter((slug): slug is string => !!slug);
    const organisations = slugs.length ? await em.find(Organisation, { slug: { $in: slugs } }) : [];
    const bySlug = new Map(organisations.map((organisation) => [organisation.slug, organisation]));
    if (!isNew) await experiment.partners.init();
    experiment.partners.removeAll();
    partners.forEach((input, index) => {
      const organisation = input.organisationSlug ? bySlug.get(input.organisationSlug) : undefined;
      if (input.organisationSlug && !organisation) {
        problems.push({ field: `input.partners.${index}.organisationSlug`, reason: `no organisation has slug ${input.organisationSlug}` });
      }
      const partner = new ExperimentPartner();
      partner.name = input.name.trim();
      partner.role = input.role;
      partner.organisation = organisation ? ref(organisation) : null;
      partner.contribution = input.contribution ?? null;
      partner.position = index;
      experiment.partners.add(partner);
    });
  }

  // A new experiment starts its history at IDEA unless told otherwise (or the importer already wrote one).
  const isFirst = isNew && experiment.stageHistory.count() === 0;
  const newStage = input.stage ?? (isFirst ? Stage.IDEA : undefined);
  if (newStage !== undefined && (isFirst || newStage !== experiment.stage)) {
    const note = input.stageNote?.trim() || null;
    if (newStage === Stage.STOPPED && !note) {
      problems.push({ field: 'input.stageNote', reason: 'Enter why the experiment stopped' });
    }
    recordStage(experiment, newStage, input.stageChangedOn ?? today(), note);
  }

  if (experiment.startDate && experiment.endDate && experiment.endDate < experiment.startDate) {
    problems.push({ field: 'input.endDate', reason: 'End date must be the same as or after the start date' });
  }
  if (problems.length > 0) throw new BadInputError(problems);
}

/** Creates a draft led by the viewer's organisation. */
export async function createExperiment(
  em: EntityManager,
  viewer: Member | null,
  input: CreateExperimentInput,
): Promise<Experiment> {
  if (!experimentPolicy.create(viewer)) throw new ForbiddenError('create experiments');
  return em.transactional(async (tem) => {
    const experiment = new Experiment();
    experiment.leadOrganisation = tem.getReference(Organisation, organisationIdOf(viewer)!, { wrapped: true });
    experiment.createdBy = tem.getReference(viewer.constructor as typeof Member, viewer.id, { wrapped: true });
    experiment.slug = await experimentSlug(tem, input.title);
    experiment.familyId = experiment.id;
    await applyExperimentFields(tem, experiment, input, true);
    tem.persist(experiment);
    return experiment;
  });
}

/** Updates an experiment the viewer may edit; a stale version is a CONFLICT. */
export async function updateExperiment(
  em: EntityManager,
  viewer: Member | null,
  id: string,
  version: number,
  input: UpdateExperimentInput,
  startedFrom?: Record<string, unknown> | null,
): Promise<Experiment> {
  return em.transactional(async (tem) => {
    // With startedFrom, conflicts are per field (section-merge.ts); without it, any save since `version` conflicts.
    const experiment = await loadForChange(tem, viewer, id, 'edit', startedFrom ? undefined : version);
    if (startedFrom) await assertSectionUnchanged(tem, experiment, input, startedFrom);
    const stageBefore = experiment.stage;
    await applyExperimentFields(tem, experiment, input, false);
    experiment.updatedAt = new Date(); // also bumps the version when only lists changed
    if (isSubstantive(input)) await markSubstantiveChange(tem, experiment);
    if (experiment.status === ExperimentStatus.PUBLISHED && experiment.stage !== stageBefore) {
      recordEvent(tem, EventKind.STAGE_CHANGE, experiment.id, viewer, { from: stageBefore, to: experiment.stage });
    }
    return experiment;
  });
}

const NEEDED_TO_PUBLISH = ['summary', 'problem', 'approach'] as const;

export async function publishExperiment(
  em: EntityManager,
  viewer: Member | null,
  id: string,
  version: number,
): Promise<Experiment> {
  return em.transactional(async (tem) => {
    const experiment = await loadForChange(tem, viewer, id, 'publish', version);
    if (experiment.status === ExperimentStatus.PUBLISHED) {
      throw BadInputError.field('id', 'this experiment is already published');
    }
    const problems: FieldProblem[] = NEEDED_TO_PUBLISH.filter((key) => !experiment[key].trim()).map((key) => ({
      field: `experiment.${key}`,
      reason: 'is needed before publishing',
    }));
    if ((await experiment.serviceAreas.loadCount()) === 0) {
      problems.push({ field: 'experiment.serviceAreas', reason: 'choose at least one service area before publishing' });
    }
    problems.push(...(await unchangedFromOriginal(tem, experiment)));
    if (problems.length > 0) throw new BadInputError(problems);
    experiment.status = ExperimentStatus.PUBLISHED;
    experiment.publishedAt ??= new Date();
    recordEvent(tem, EventKind.NEW_EXPERIMENT, experiment.id, viewer);
    if (experiment.forkParent) recordEvent(tem, EventKind.FORK_PUBLISHED, experiment.id, viewer, { parentId: experiment.forkParent.id });
    return experiment;
  });
}

export async function archiveExperiment(
  em: EntityManager,
  viewer: Member | null,
  id: string,
  version: number,
): Promise<Experiment> {
  return em.transactional(async (tem) => {
    const experiment = await loadForChange(tem, viewer, id, 'archive', version);
    if (experiment.status === ExperimentStatus.ARCHIVED) {
      throw BadInputError.field('id', 'this experiment is already archived');
    }
    experiment.status = ExperimentStatus.ARCHIVED;
    return experiment;
  });
}
