import { ExperimentStatus, LICENCE_LABELS, Verdict } from '@synapse/domain';
import { Arg, Ctx, Field, FieldResolver, Int, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Artefact } from '../artefact/artefact.entity.js';
import { Experiment } from '../experiment/experiment.entity.js';
import { ForkExperimentInput } from './lineage.inputs.js';
import { ancestorsOf, buildTree, descendantsOf, familyEvidence, forkExperiment, latestVerdict, ownAdaptations, loadFamily, type LineageTree, NOT_REUSABLE } from './lineage.service.js';

@ObjectType({ description: 'One experiment in a fork family, with the adaptations made from it.' })
export class LineageNode {
  @Field(() => Experiment)
  experiment!: Experiment;

  @Field(() => Verdict, { nullable: true, description: 'The verdict of its latest outcome.' })
  latestVerdict!: Verdict | null;

  @Field(() => [LineageNode])
  children!: LineageNode[];
}

@ObjectType({ description: 'Where an experiment sits in its family of adaptations (only what you may see).' })
export class Lineage {
  @Field(() => Experiment, { nullable: true, description: 'The original the family grew from.' })
  root!: Experiment | null;

  @Field(() => [Experiment], { description: 'From the root down to this experiment\'s parent.' })
  ancestors!: Experiment[];

  @Field(() => [LineageNode], { description: 'The adaptations of this experiment, as a tree.' })
  descendants!: LineageNode[];

  @Field(() => [LineageNode], { description: 'The whole family, as a tree from the root.' })
  tree!: LineageNode[];
}

@ObjectType()
export class VerdictCount {
  @Field(() => Verdict)
  verdict!: Verdict;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Evidence across every published experiment in the family: each place counted once, by its latest verdict.' })
export class FamilyEvidenceSummary {
  @Field(() => Int)
  familySize!: number;

  @Field(() => Int, { description: 'Published experiments in the family: each is a place that tried it.' })
  placesTried!: number;

  @Field(() => Int, { description: 'Places whose latest verdict is WORKED.' })
  workedIn!: number;

  @Field(() => Int, { description: 'Places that have reported an outcome.' })
  withOutcome!: number;

  @Field(() => [VerdictCount])
  verdictCounts!: VerdictCount[];

  @Field(() => Int, { nullable: true })
  strongestEvidenceLevel!: number | null;

  @Field(() => Int, { nullable: true, description: 'Lowest actual cost reported, in pounds.' })
  costMin!: number | null;

  @Field(() => Int, { nullable: true })
  costMax!: number | null;

  @Field(() => String, { description: 'e.g. "Worked in 4 of 6 places that tried it."' })
  summary!: string;
}

function node(tree: LineageTree): LineageNode {
  return { experiment: tree.experiment, latestVerdict: latestVerdict(tree.experiment), children: tree.children.map(node) };
}

@Resolver(() => Experiment)
export class LineageResolver {
  @Mutation(() => Experiment, {
    description: "Starts your organisation's own version of a published experiment, as a draft linked to the original. Editors.",
  })
  forkExperiment(@Ctx() { em, viewer }: Context, @Arg('input', () => ForkExperimentInput) input: ForkExperimentInput): Promise<Experiment> {
    return forkExperiment(em, viewer, input);
  }

  @FieldResolver(() => Lineage)
  async lineage(@Root() experiment: Experiment, @Ctx() { em, viewer }: Context): Promise<Lineage> {
    const family = await loadFamily(em, viewer, experiment.familyId ?? experiment.id);
    const tree = buildTree(family);
    const rootId = experiment.familyId ?? experiment.id;
    return {
      root: family.visible.find((member) => member.id === rootId) ?? null,
      ancestors: ancestorsOf(experiment, family),
      descendants: descendantsOf(experiment, family).map(node),
      tree: tree.map(node),
    };
  }

  @FieldResolver(() => Int, { description: 'How many published adaptations were made directly from this experiment.' })
  async forkCount(@Root() experiment: Experiment): Promise<number> {
    const forks = await experiment.forks.loadItems();
    return forks.filter((fork) => fork.status === ExperimentStatus.PUBLISHED).length;
  }

  @FieldResolver(() => [Experiment], {
    description: "Your organisation's own adaptations of this experiment, drafts included (empty when signed out), so nobody starts a second by mistake.",
  })
  async viewerAdaptations(@Root() experiment: Experiment, @Ctx() { em, viewer }: Context): Promise<Experiment[]> {
    return ownAdaptations(em, viewer, experiment.id);
  }

  @FieldResolver(() => FamilyEvidenceSummary, { description: 'Evidence across every place in the family that tried it.' })
  async familySummary(@Root() experiment: Experiment, @Ctx() { em, viewer }: Context): Promise<FamilyEvidenceSummary> {
    const family = await loadFamily(em, viewer, experiment.familyId ?? experiment.id);
    return familyEvidence(family.visible.filter((member) => member.status === ExperimentStatus.PUBLISHED));
  }
}

@Resolver(() => Artefact)
export class ArtefactReuseResolver {
  @FieldResolver(() => Boolean, { description: 'True when this artefact was carried into a fork from another experiment.' })
  isReference(@Root() artefact: Artefact): boolean {
    return artefact.sourceArtefact !== null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether its licence lets others reuse it.' })
  reusable(@Root() artefact: Artefact): boolean {
    return !NOT_REUSABLE.has(artefact.licence);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Shown beside artefacts that may not be reused without permission.' })
  reuseWarning(@Root() artefact: Artefact): string | null {
    return NOT_REUSABLE.has(artefact.licence) ? 'Not licensed for reuse: ask the owner for permission before using it.' : null;
  }

  @FieldResolver(() => String, { description: 'Who to credit, e.g. "Wigan Council, Open Government Licence v3.0".' })
  async attribution(@Root() artefact: Artefact): Promise<string> {
    const owner = await artefact.owner.loadOrFail();
    return `${owner.officialName}, ${LICENCE_LABELS[artefact.licence]}`;
  }
}
