import { ref } from '@mikro-orm/core';
import { ExperimentStatus, Licence, OrganisationKind, Stage, Verdict, VERDICT_LABELS } from '@synapse/domain';
import type { EntityManager } from '../../db/orm.js';
import { requestLoader } from '../../db/request-loader.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../../errors.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { experimentPolicy, organisationIdOf } from '../experiment/experiment.policy.js';
import { accessFor, experimentSlug, recordStage } from '../experiment/experiment.service.js';
import { today } from '../experiment/text.js';
import type { Member } from '../member/member.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';

/** Licences that do not let others reuse an artefact: forks keep them as links, with a warning. */
export const NOT_REUSABLE = new Set<Licence>([Licence.ALL_RIGHTS_RESERVED]);

/**
 * Forks a published experiment into a new draft of the viewer's organisation. The draft keeps the parent's shape
 * (service areas, themes, licence) but not its words: summary, problem and approach start empty, because they are
 * the adapting council's to write (the form shows the original beside them, and publishing an unchanged copy is
 * refused). Outcomes, history, budget and team stay behind; artefacts come along as references to the originals,
 * keeping their owner and licence.
 */
export async function forkExperiment(
  em: EntityManager,
  viewer: Member | null,
  input: { experimentId: string; adaptationNotes: string; title?: string | null },
): Promise<Experiment> {
  if (!experimentPolicy.create(viewer)) throw new ForbiddenError('fork experiments: you need to be an editor of an organisation');
  return em.transactional(async (tem) => {
    const parent = await tem.findOne(Experiment, { id: input.experimentId }, { populate: ['serviceAreas', 'artefacts'] });
    if (!parent || !experimentPolicy.view(await accessFor(viewer, parent))) throw new NotFoundError('Experiment', input.experimentId);
    if (parent.status !== ExperimentStatus.PUBLISHED) throw BadInputError.field('input.experimentId', 'only published experiments can be adapted');
    const organisation = await tem.findOneOrFail(Organisation, { id: organisationIdOf(viewer)! });
    const title = input.title?.trim() || parent.title;
    const fork = Object.assign(new Experiment(), {
      slug: await experimentSlug(tem, `${title} ${organisation.name}`),
      title,
      summary: '',
      problem: '',
      whatIsNew: '',
      approach: '',
      themes: [...parent.themes],
      licence: parent.licence,
      leadOrganisation: ref(organisation),
      createdBy: ref(viewer!),
      forkParent: ref(parent),
      familyId: parent.familyId ?? parent.id,
      adaptationNotes: input.adaptationNotes.trim(),
    });
    fork.serviceAreas.set(parent.serviceAreas.getItems());
    if (organisation.kind === OrganisationKind.COUNCIL) fork.places.set([organisation]);
    const parentLead = await tem.findOneOrFail(Organisation, { id: parent.leadOrganisation.id });
    recordStage(fork, Stage.IDEA, today(), `Adapted from “${parent.title}” by ${parentLead.name}`);
    for (const original of parent.artefacts.getItems()) {
      fork.artefacts.add(
        Object.assign(new Artefact(), {
          owner: original.owner,
          sourceArtefact: original.sourceArtefact ?? ref(original),
          type: original.type,
          title: original.title,
          description: original.description,
          licence: original.licence,
          format: original.format,
          documentVersion: original.documentVersion,
          url: original.url,
          lastReviewedOn: original.lastReviewedOn,
        }),
      );
    }
    tem.persist(fork);
    return fork;
  });
}

/** The viewer's organisation's adaptations of an experiment (not archived), oldest first. */
export async function ownAdaptations(em: EntityManager, viewer: Member | null, experimentId: string): Promise<Experiment[]> {
  const organisationId = organisationIdOf(viewer);
  if (!organisationId) return [];
  return requestLoader(em, adaptationsByOrganisation).load({ organisationId, experimentId });
}

/** Each key's adaptations by its organisation, not archived, oldest first: one query for the request's items. */
async function adaptationsByOrganisation(em: EntityManager, keys: readonly { organisationId: string; experimentId: string }[]): Promise<Experiment[][]> {
  const adaptations = await em.find(
    Experiment,
    {
      forkParent: { $in: [...new Set(keys.map((key) => key.experimentId))] },
      leadOrganisation: { $in: [...new Set(keys.map((key) => key.organisationId))] },
      status: { $ne: ExperimentStatus.ARCHIVED },
    },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return keys.map((key) =>
    adaptations.filter((adaptation) => adaptation.forkParent?.id === key.experimentId && adaptation.leadOrganisation.id === key.organisationId),
  );
}

export interface Family {
  /** Every member, whatever its status (for climbing past hidden ones). */
  all: Experiment[];
  /** The members the viewer may see, oldest first. */
  visible: Experiment[];
}

/** The members of each family, oldest first, with what lineage, summaries and visibility checks need: one query. */
async function familiesById(em: EntityManager, familyIds: readonly string[]): Promise<Experiment[][]> {
  const members = await em.find(
    Experiment,
    { familyId: { $in: [...familyIds] } },
    { populate: ['leadOrganisation', 'places', 'outcomes', 'stageHistory', 'teamMembers'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return familyIds.map((familyId) => members.filter((member) => member.familyId === familyId));
}

/**
 * A family with what lineage and summaries need, and which members the viewer may see. Read-only: loaded once per
 * request for every family its items ask about (so a page of 50 search hits costs one query, not 50).
 */
export async function loadFamily(em: EntityManager, viewer: Member | null, familyId: string): Promise<Family> {
  const all = await requestLoader(em, familiesById).load(familyId);
  const visible: Experiment[] = [];
  for (const experiment of all) if (experimentPolicy.view(await accessFor(viewer, experiment))) visible.push(experiment);
  return { all, visible };
}

/** The verdict of an experiment's most recent outcome. */
export function latestVerdict(experiment: Experiment): Verdict | null {
  const outcomes = experiment.outcomes.getItems();
  if (outcomes.length === 0) return null;
  return [...outcomes].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id))[0].verdict;
}

export interface LineageTree {
  experiment: Experiment;
  children: LineageTree[];
}

/**
 * The family as a tree of what the viewer may see. An invisible member (a draft, an archived experiment) is left
 * out, and its visible children hang from its nearest visible ancestor.
 */
export function buildTree(family: Family): LineageTree[] {
  const all = new Map(family.all.map((experiment) => [experiment.id, experiment]));
  const nodes = new Map(family.visible.map((experiment) => [experiment.id, { experiment, children: [] as LineageTree[] }]));
  const roots: LineageTree[] = [];
  for (const node of nodes.values()) {
    let parentId = node.experiment.forkParent?.id ?? null;
    while (parentId && !nodes.has(parentId)) parentId = all.get(parentId)?.forkParent?.id ?? null;
    (parentId ? nodes.get(parentId)!.children : roots).push(node);
  }
  return roots;
}

/** The visible ancestors of an experiment, root first. */
export function ancestorsOf(experiment: Experiment, family: Family): Experiment[] {
  const all = new Map(family.all.map((member) => [member.id, member]));
  const visible = new Set(family.visible.map((member) => member.id));
  const chain: Experiment[] = [];
  let parentId = experiment.forkParent?.id ?? null;
  while (parentId && all.has(parentId)) {
    const parent = all.get(parentId)!;
    if (visible.has(parentId)) chain.unshift(parent);
    parentId = parent.forkParent?.id ?? null;
  }
  return chain;
}

/** The subtree below an experiment, as the viewer may see it. */
export function descendantsOf(experiment: Experiment, family: Family): LineageTree[] {
  const find = (trees: LineageTree[]): LineageTree | null => {
    for (const tree of trees) {
      if (tree.experiment.id === experiment.id) return tree;
      const found = find(tree.children);
      if (found) return found;
    }
    return null;
  };
  return find(buildTree(family))?.children ?? [];
}

/** Stages at which an adaptation has been put into practice, not just planned. */
const TRIED_STAGES = new Set<Stage>([Stage.PILOT, Stage.EVALUATING, Stage.SCALING, Stage.EMBEDDED]);

/**
 * Whether a published member counts as a place that tried it. An original does; an adaptation only once it reached
 * the pilot stage or reported an outcome, so a freshly published plan does not inflate the family's evidence.
 * A withdrawn experiment never counts.
 */
export function hasBeenTried(experiment: Experiment): boolean {
  if (experiment.withdrawnAt) return false;
  if (!experiment.forkParent) return true;
  if (experiment.outcomes.getItems().length > 0 || TRIED_STAGES.has(experiment.stage)) return true;
  // Stopped after a pilot still counts: look back through the stages it went through.
  return experiment.stageHistory.isInitialized() && experiment.stageHistory.getItems().some((change) => TRIED_STAGES.has(change.stage));
}

export interface FamilyEvidence {
  familySize: number;
  placesTried: number;
  withOutcome: number;
  workedIn: number;
  verdictCounts: { verdict: Verdict; count: number }[];
  strongestEvidenceLevel: number | null;
  costMin: number | null;
  costMax: number | null;
  summary: string;
}

/**
 * Evidence across the published members of a family (those that count, see hasBeenTried): how many places tried it, each place's latest verdict
 * counted once, the strongest evidence level, and the range of actual costs.
 */
export function familyEvidence(members: Experiment[]): FamilyEvidence {
  const published = members.filter(hasBeenTried);
  const verdicts = published.map(latestVerdict).filter((verdict): verdict is Verdict => verdict !== null);
  const counts = new Map<Verdict, number>();
  for (const verdict of verdicts) counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
  const levels = published.flatMap((experiment) => experiment.outcomes.getItems().map((outcome) => outcome.evidenceLevel));
  const costs = published.map((experiment) => experiment.actualCost).filter((cost): cost is number => cost !== null);
  const places = new Set(
    published.flatMap((experiment) => {
      const codes = experiment.places.getItems().map((place) => place.id);
      return codes.length ? codes : [experiment.leadOrganisation.id];
    }),
  );
  const workedIn = counts.get(Verdict.WORKED) ?? 0;
  const placesTried = published.length;
  return {
    familySize: members.length,
    placesTried,
    withOutcome: verdicts.length,
    workedIn,
    verdictCounts: [...counts].map(([verdict, count]) => ({ verdict, count })).sort((a, b) => b.count - a.count || a.verdict.localeCompare(b.verdict)),
    strongestEvidenceLevel: levels.length ? Math.max(...levels) : null,
    costMin: costs.length ? Math.min(...costs) : null,
    costMax: costs.length ? Math.max(...costs) : null,
    summary:
      placesTried === 1
        ? verdicts.length
          ? `Tried in 1 place: ${VERDICT_LABELS[verdicts[0]].toLowerCase()}.`
          : 'Tried in 1 place, no outcome yet.'
        : `Worked in ${workedIn} of ${placesTried} places that tried it${places.size !== placesTried ? ` (${places.size} councils)` : ''}.`,
  };
}
