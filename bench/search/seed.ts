import type { MikroORM } from '@mikro-orm/core';
import { ExperimentStatus, OrganisationKind } from '@synapse/domain';
import { bootstrapData } from '@synapse/api/internal/bootstrap';
import { entityManager } from '@synapse/api/internal/db/orm';
import { Artefact } from '@synapse/api/internal/modules/artefact/artefact.entity';
import { Experiment } from '@synapse/api/internal/modules/experiment/experiment.entity';
import { StageChange } from '@synapse/api/internal/modules/experiment/stage-change.entity';
import { Organisation } from '@synapse/api/internal/modules/organisation/organisation.entity';
import { Outcome } from '@synapse/api/internal/modules/outcome/outcome.entity';
import { ServiceArea } from '@synapse/api/internal/modules/service-area/service-area.entity';
import { random, syntheticExperiment } from './corpus.js';

/** Reference data plus `size` published synthetic experiments (from `seed`), written in batches of 1,000; returns the councils. */
export async function seedSyntheticCorpus(orm: MikroORM, size: number, seed: number): Promise<Organisation[]> {
  await bootstrapData(orm, { seedDemo: false });
  const councils = await entityManager(orm).fork().find(Organisation, { kind: OrganisationKind.COUNCIL, population: { $ne: null } }, { orderBy: { gssCode: 'asc' } });
  const rand = random(seed);
  for (let start = 0; start < size; start += 1000) {
    const batch = entityManager(orm).fork();
    for (let n = start; n < Math.min(size, start + 1000); n++) {
      const spec = syntheticExperiment(rand, n, councils.length);
      const councilAt = (index: number) => {
        const council = councils[index];
        if (!council) throw new Error(`No council ${index} of ${councils.length}`);
        return council;
      };
      const experiment = Object.assign(new Experiment(), {
        slug: `bench-${n}`,
        title: spec.title,
        summary: spec.summary,
        problem: spec.problem,
        approach: spec.approach,
        themes: spec.themes,
        stage: spec.stage,
        startDate: spec.startDate,
        budgetBand: spec.budgetBand,
        status: ExperimentStatus.PUBLISHED,
        publishedAt: spec.publishedAt,
        createdAt: spec.publishedAt,
        leadOrganisation: batch.getReference(Organisation, councilAt(spec.leadIndex).id, { wrapped: true }),
      });
      experiment.serviceAreas.set(spec.serviceAreas.map((slug) => batch.getReference(ServiceArea, slug)));
      experiment.places.set([...new Set(spec.placeIndexes)].map((i) => batch.getReference(Organisation, councilAt(i).id)));
      experiment.stageHistory.add(Object.assign(new StageChange(), { stage: spec.stage, changedOn: spec.startDate }));
      for (const outcome of spec.outcomes) experiment.outcomes.add(Object.assign(new Outcome(), outcome));
      for (const artefact of spec.artefacts) experiment.artefacts.add(Object.assign(new Artefact(), { ...artefact, owner: experiment.leadOrganisation }));
      batch.persist(experiment);
    }
    await batch.flush();
  }
  return councils;
}
