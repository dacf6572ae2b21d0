import { randomBytes } from 'node:crypto';
import {
  ArtefactType,
  EvaluationDesign,
  GoodDirection,
  ExperimentStatus,
  Licence,
  MemberRole,
  Nation,
  OrganisationKind,
  PartnerRole,
  Stage,
  Verdict,
} from '@synapse/domain';
import type { EntityManager } from '../src/db/orm.js';
import { Artefact } from '../src/modules/artefact/artefact.entity.js';
import { ExperimentPartner } from '../src/modules/experiment/experiment-partner.entity.js';
import { Experiment } from '../src/modules/experiment/experiment.entity.js';
import { StageChange } from '../src/modules/experiment/stage-change.entity.js';
import { Member } from '../src/modules/member/member.entity.js';
import { Organisation } from '../src/modules/organisation/organisation.entity.js';
import { Outcome } from '../src/modules/outcome/outcome.entity.js';
import { ServiceArea } from '../src/modules/service-area/service-area.entity.js';

// A random start and a counter: 32 random bits alone collided (birthday odds) in the permission matrix, which builds
// thousands of members in one database ("members_email_unique", once in a CI run on PostgreSQL).
const uniqueBase = randomBytes(3).toString('hex');
let uniques = 0;
const unique = () => `${uniqueBase}${(uniques++).toString(36)}`;

// Sequential from a random start: random codes collided (birthday odds) when a file builds thousands of councils.
let councils = 0;
const councilBase = randomBytes(4).readUInt32BE() % 5_000_000;
function nextGssCode(): string {
  return `E0${String((councilBase + councils++) % 10_000_000).padStart(7, '0')}`;
}

export async function buildCouncil(em: EntityManager, overrides: Partial<Organisation> = {}): Promise<Organisation> {
  const id = unique();
  const council = Object.assign(new Organisation(), {
    slug: `test-council-${id}`,
    name: `Test Council ${id}`,
    officialName: `Test Borough Council ${id}`,
    kind: OrganisationKind.COUNCIL,
    gssCode: nextGssCode(),
    nation: Nation.ENGLAND,
    region: 'North West',
    ...overrides,
  });
  await em.persist(council).flush();
  return council;
}

export async function buildMember(
  em: EntityManager,
  organisation: Organisation | null,
  role: MemberRole = MemberRole.EDITOR,
  extra: Partial<Member> = {},
): Promise<Member> {
  const member = Object.assign(new Member(), {
    name: `Officer ${unique()}`,
    email: `officer-${unique()}@example.gov.uk`,
    organisation: organisation ? em.getReference(Organisation, organisation.id, { wrapped: true }) : null,
    role,
    ...extra,
  });
  await em.persist(member).flush();
  return member;
}

export interface ExperimentSpec {
  lead: Organisation;
  status?: ExperimentStatus;
  title?: string;
  serviceAreas?: string[];
  stage?: Stage;
  places?: Organisation[];
  outcomes?: { verdict: Verdict; evidenceLevel?: number; at?: Date }[];
  artefacts?: number;
  partners?: { name: string; organisation?: Organisation }[];
  createdAt?: Date;
  forkOf?: Experiment;
  actualCost?: number;
}

export async function buildExperiment(em: EntityManager, spec: ExperimentSpec): Promise<Experiment> {
  const id = unique();
  const experiment = Object.assign(new Experiment(), {
    forkParent: spec.forkOf ? em.getReference(Experiment, spec.forkOf.id, { wrapped: true }) : null,
    slug: `experiment-${id}`,
    title: spec.title ?? `Experiment ${id}`,
    summary: 'A test experiment.',
    problem: 'A problem worth solving.',
    approach: 'Something new, tried carefully.',
    stage: spec.stage ?? Stage.PILOT,
    status: spec.status ?? ExperimentStatus.PUBLISHED,
    publishedAt: (spec.status ?? ExperimentStatus.PUBLISHED) === ExperimentStatus.PUBLISHED ? new Date() : null,
    createdAt: spec.createdAt ?? new Date(),
    leadOrganisation: em.getReference(Organisation, spec.lead.id, { wrapped: true }),
  });
  experiment.familyId = spec.forkOf ? (spec.forkOf.familyId ?? spec.forkOf.id) : experiment.id;
  if (spec.actualCost !== undefined) experiment.actualCost = spec.actualCost;
  const areas = await em.find(ServiceArea, { slug: { $in: spec.serviceAreas ?? ['adult-social-care'] } });
  experiment.serviceAreas.set(areas);
  experiment.places.set(spec.places ?? [spec.lead]);
  experiment.stageHistory.add(Object.assign(new StageChange(), { stage: experiment.stage, changedOn: '2024-01-15' }));
  for (const outcome of spec.outcomes ?? []) {
    experiment.outcomes.add(
      Object.assign(new Outcome(), {
        title: `Finding ${unique()}`,
        verdict: outcome.verdict,
        evaluationDesign: EvaluationDesign.BEFORE_AFTER,
        evidenceLevel: outcome.evidenceLevel ?? 2,
        createdAt: outcome.at ?? new Date(),
        measures: [{ name: 'People helped', baseline: 10, result: 20, unit: 'people', period: null, goodDirection: GoodDirection.UP }],
      }),
    );
  }
  for (let n = 0; n < (spec.artefacts ?? 0); n++) {
    experiment.artefacts.add(
      Object.assign(new Artefact(), {
        type: ArtefactType.TOOLKIT,
        title: `Toolkit ${n + 1}`,
        licence: Licence.OGL_3,
        url: `https://example.org/toolkit-${id}-${n}`,
        owner: experiment.leadOrganisation,
      }),
    );
  }
  for (const [position, partner] of (spec.partners ?? []).entries()) {
    experiment.partners.add(
      Object.assign(new ExperimentPartner(), {
        name: partner.name,
        role: PartnerRole.DELIVERY,
        position,
        organisation: partner.organisation ? em.getReference(Organisation, partner.organisation.id, { wrapped: true }) : null,
      }),
    );
  }
  await em.persist(experiment).flush();
  return experiment;
}
