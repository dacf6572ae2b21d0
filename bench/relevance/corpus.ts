import { BudgetBand, EvaluationDesign, Stage, Verdict } from '@synapse/domain';
import { TOPICS, type Topic } from './topics.js';

/** Lead councils (GSS codes from packages/reference-data), across the four nations, urban and rural. */
const COUNCILS = [
  'E06000052', 'E08000010', 'E08000035', 'E09000007', 'S12000017', 'S12000047', 'S12000049', 'W06000015',
  'W06000002', 'W06000023', 'N09000003', 'N09000005', 'E10000020', 'E10000008', 'E10000017', 'E10000016',
  'E08000003', 'E08000025', 'E06000051', 'E09000012', 'E08000021', 'E08000019', 'S12000006', 'W06000011',
  'E10000029', 'E08000004', 'E09000023', 'S12000034', 'E06000016', 'E06000026', 'E06000057', 'N09000009',
];

interface Pattern {
  stage: Stage;
  outcome?: { verdict: Verdict; design: EvaluationDesign; level: number };
}

/** Outcome patterns: what happened and how well it was evaluated. */
export const PATTERNS: Pattern[] = [
  { stage: Stage.SCALING, outcome: { verdict: Verdict.WORKED, design: EvaluationDesign.BEFORE_AFTER, level: 2 } },
  { stage: Stage.EVALUATING, outcome: { verdict: Verdict.MIXED, design: EvaluationDesign.QUALITATIVE, level: 1 } },
  { stage: Stage.IDEA },
  { stage: Stage.EMBEDDED, outcome: { verdict: Verdict.WORKED, design: EvaluationDesign.RANDOMISED_TRIAL, level: 4 } },
  { stage: Stage.STOPPED, outcome: { verdict: Verdict.NO_EFFECT, design: EvaluationDesign.QUASI_EXPERIMENTAL, level: 3 } },
  { stage: Stage.STOPPED, outcome: { verdict: Verdict.STOPPED_EARLY, design: EvaluationDesign.CASE_STUDY, level: 1 } },
  { stage: Stage.PILOT, outcome: { verdict: Verdict.WORKED, design: EvaluationDesign.QUASI_EXPERIMENTAL, level: 3 } },
  { stage: Stage.STOPPED, outcome: { verdict: Verdict.HARMFUL, design: EvaluationDesign.BEFORE_AFTER, level: 2 } },
];

const BANDS = [BudgetBand.UNDER_10K, BudgetBand.FROM_10K_TO_50K, BudgetBand.FROM_50K_TO_250K, BudgetBand.FROM_250K_TO_1M, BudgetBand.OVER_1M];
const FAILED = new Set<string>([Verdict.MIXED, Verdict.NO_EFFECT, Verdict.STOPPED_EARLY, Verdict.HARMFUL]);

/** What the judge knows about each write-up besides its topic. */
export interface CorpusEntry {
  externalId: string;
  topic: string;
  variant: number;
  lead: string;
  costBand: BudgetBand;
  /** Failed, mixed or stopped: an outcome that did not (fully) work, or a stopped stage. */
  failed: boolean;
  evidenceLevel: number;
  hasOutcome: boolean;
  record: Record<string, unknown>;
}

/** The item at n, counting round the list (the lists here are fixed and not empty). */
function cycle<T>(items: readonly T[], n: number): T {
  const item = items[n % items.length];
  if (item === undefined) throw new Error(`No item ${n} in a list of ${items.length}`);
  return item;
}

function entry(topic: Topic, t: number, i: number): CorpusEntry {
  const lead = topic.leads?.[i] ?? cycle(COUNCILS, t * 5 + i * 11);
  const pattern = cycle(PATTERNS, topic.patterns?.[i] ?? t + i * 3);
  const costBand = cycle(BANDS, t * 2 + i);
  const startYear = 2017 + ((t + i) % 7);
  const outcome = pattern.outcome;
  const worked = outcome?.verdict === Verdict.WORKED;
  const { measure } = topic;
  const record: Record<string, unknown> = {
    externalId: `${topic.id}-${i}`,
    leadOrganisation: lead,
    status: 'PUBLISHED',
    publishedOn: `${Math.min(startYear + 2, 2025)}-0${1 + ((t + i) % 9)}-15`,
    title: topic.titles[i],
    summary: topic.summaries[i],
    problem: topic.problem,
    approach: topic.approach,
    whoItServes: topic.who,
    serviceAreas: topic.areas,
    themes: topic.themes,
    startDate: `${startYear}-04-01`,
    budgetBand: costBand,
    placeGssCodes: [lead],
    stageHistory: [{ stage: pattern.stage, changedOn: `${startYear}-04-01` }],
    outcomes: outcome
      ? [
          {
            title: worked ? topic.results[0] : topic.results[1],
            verdict: outcome.verdict,
            evaluationDesign: outcome.design,
            evidenceLevel: outcome.level,
            ...(worked ? { whatWorked: topic.worked } : { whatDidNotWork: topic.failed }),
            ...(outcome.verdict === Verdict.MIXED ? { whatWorked: topic.worked } : {}),
            measures: [
              {
                name: measure.name,
                unit: measure.unit,
                goodDirection: measure.good,
                baseline: measure.baseline,
                result: worked ? measure.result : measure.baseline,
              },
            ],
          },
        ]
      : [],
  };
  return {
    externalId: `${topic.id}-${i}`,
    topic: topic.id,
    variant: i,
    lead,
    costBand,
    failed: (outcome ? FAILED.has(outcome.verdict) : false) || pattern.stage === Stage.STOPPED,
    evidenceLevel: outcome?.level ?? 0,
    hasOutcome: !!outcome,
    record,
  };
}

/** The whole corpus: three write-ups per topic. */
export function buildCorpus(): CorpusEntry[] {
  return TOPICS.flatMap((topic, t) => [0, 1, 2].map((i) => entry(topic, t, i)));
}
