import { ArtefactType, BudgetBand, EvaluationDesign, GoodDirection, Licence, SERVICE_AREAS, Stage, Verdict } from '@synapse/domain';

/** A small deterministic PRNG (mulberry32), so every run generates the same corpus. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTERVENTIONS: Record<string, string[]> = {
  'adult-social-care': ['volunteer drivers', 'micro-enterprise home support', 'reablement at home', 'personal budgets', 'assistive technology', 'carers breaks'],
  'childrens-services': ['early help hubs', 'family group conferencing', 'foster carer mentoring', 'edge of care support', 'kinship care grants'],
  'education-and-send': ['independent travel training', 'inclusion coaches', 'school readiness play', 'SEND parent advisers', 'attendance mentors'],
  'housing-and-homelessness': ['Housing First', 'rapid rehousing', 'tenancy sustainment', 'homelessness prevention grants', 'private rented sector offers'],
  'public-health': ['social prescribing', 'community connectors', 'weight management groups', 'smoking cessation texts', 'active travel to school'],
  'environment-and-climate': ['street retrofit', 'community energy', 'tree planting', 'heat networks', 'electric vehicle charging'],
  waste: ['food waste nudges', 'repair cafés', 'reuse shops', 'bin sticker trial', 'recycling incentives'],
  transport: ['demand responsive buses', 'school streets', 'e-bike loans', 'community minibuses', 'car clubs'],
  planning: ['planning shops', 'design codes with residents', 'digital planning notices', 'local plan games'],
  'economic-development-and-skills': ['employment bootcamps', 'apprenticeship brokerage', 'community wealth building', 'high street markets'],
  'libraries-and-culture': ['volunteer-run libraries', 'library of things', 'makerspaces', 'reading friends'],
  'community-safety': ['detached youth work', 'street lighting upgrades', 'domestic abuse champions', 'community wardens'],
  'democracy-and-participation': ['participatory budgeting', 'citizens panels', 'ward grants votes', 'youth councils'],
  'digital-and-data': ['digital champions', 'open source services', 'data sharing agreements', 'chatbot triage'],
  'finance-and-commissioning': ['council tax text reminders', 'outcome-based contracts', 'pooled budgets', 'social value procurement'],
  workforce: ['flexible working', 'apprentice social workers', 'wellbeing days', 'job sharing'],
};
const GROUPS = ['older people', 'young carers', 'care leavers', 'families in temporary accommodation', 'people sleeping rough', 'disabled adults', 'young people not in work', 'rural residents', 'tenants', 'small businesses', 'new parents', 'people with dementia'];
const OUTCOME_PHRASES = ['fewer emergency admissions', 'shorter waits', 'more people helped', 'lower cost per case', 'better wellbeing scores', 'no change in demand', 'higher take-up'];
const LESSONS = ['A named contact made the difference.', 'Take-up was slow until trusted local people spread the word.', 'Data sharing took longer than planned.', 'Volunteers needed more support than budgeted.', 'The measure we chose did not capture what changed.', 'Senior sponsorship kept it going through budget rounds.'];
const VERDICTS: [Verdict, number][] = [[Verdict.WORKED, 0.45], [Verdict.MIXED, 0.2], [Verdict.NO_EFFECT, 0.12], [Verdict.INCONCLUSIVE, 0.12], [Verdict.STOPPED_EARLY, 0.08], [Verdict.HARMFUL, 0.03]];

function pick<T>(rand: () => number, items: readonly T[] | undefined): T {
  const item = items?.[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('Cannot pick from an empty list');
  return item;
}

function weighted<T>(rand: () => number, items: [T, number][]): T {
  let roll = rand();
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll <= 0) return item;
  }
  // Rounding left the roll above the total: the first item.
  const [first] = items;
  if (!first) throw new Error('Cannot pick from an empty list');
  return first[0];
}

export interface SyntheticExperiment {
  title: string;
  summary: string;
  problem: string;
  approach: string;
  themes: string[];
  serviceAreas: string[];
  stage: Stage;
  startDate: string;
  budgetBand: BudgetBand;
  leadIndex: number;
  placeIndexes: number[];
  outcomes: { title: string; verdict: Verdict; evaluationDesign: EvaluationDesign; evidenceLevel: number; whatWorked: string; whatDidNotWork: string; measures: { name: string; baseline: number; result: number; unit: string; period: null; goodDirection: GoodDirection }[] }[];
  artefacts: { type: ArtefactType; title: string; licence: Licence; url: string }[];
  publishedAt: Date;
}

/** The n-th synthetic experiment of a corpus: realistic vocabulary, councils spread across the UK. */
export function syntheticExperiment(rand: () => number, n: number, councils: number): SyntheticExperiment {
  const area = pick(rand, SERVICE_AREAS).slug;
  const second = rand() < 0.3 ? pick(rand, SERVICE_AREAS).slug : null;
  const intervention = pick(rand, INTERVENTIONS[area]);
  const group = pick(rand, GROUPS);
  const leadIndex = Math.floor(rand() * councils);
  const year = 2012 + Math.floor(rand() * 13);
  const verdict = weighted(rand, VERDICTS);
  const outcomePhrase = pick(rand, OUTCOME_PHRASES);
  return {
    title: `${intervention.charAt(0).toUpperCase()}${intervention.slice(1)} for ${group} (${n})`,
    summary: `A council pilot of ${intervention} for ${group}, measured against ${outcomePhrase}.`,
    problem: `Demand from ${group} was rising while budgets fell; existing services reached too few people too late.`,
    approach: `We tried ${intervention} with local partners, starting small and measuring ${outcomePhrase}.`,
    themes: [intervention.replace(/ .*/, '').toLowerCase(), rand() < 0.5 ? 'prevention' : 'co-production'],
    serviceAreas: second && second !== area ? [area, second] : [area],
    stage: pick(rand, Object.values(Stage)),
    startDate: `${year}-0${1 + Math.floor(rand() * 9)}-01`,
    budgetBand: pick(rand, Object.values(BudgetBand)),
    leadIndex,
    placeIndexes: rand() < 0.3 ? [leadIndex, Math.floor(rand() * councils)] : [leadIndex],
    outcomes: [
      {
        title: `${outcomePhrase.charAt(0).toUpperCase()}${outcomePhrase.slice(1)}`,
        verdict,
        evaluationDesign: pick(rand, Object.values(EvaluationDesign)),
        evidenceLevel: 1 + Math.floor(rand() * 5),
        whatWorked: pick(rand, LESSONS),
        whatDidNotWork: pick(rand, LESSONS),
        measures: [{ name: outcomePhrase, baseline: Math.round(rand() * 100), result: Math.round(rand() * 100), unit: '%', period: null, goodDirection: GoodDirection.UP }],
      },
    ],
    artefacts: [{ type: pick(rand, Object.values(ArtefactType)), title: `${intervention} toolkit`, licence: Licence.OGL_3, url: `https://example.org/bench/${n}` }],
    publishedAt: new Date(Date.UTC(year + 1, 0, 1) + Math.floor(rand() * 300) * 86_400_000),
  };
}

/** 50 fixed queries: plain words, typos, jargon, and filters (every search also asks for all facets). */
export const QUERIES: { query: string; filter?: Record<string, unknown> }[] = [
  { query: 'homelessness' }, { query: 'homelessnes' }, { query: 'housing first' }, { query: 'rough sleeping' },
  { query: 'ASC' }, { query: 'DToC' }, { query: 'delayed discharge' }, { query: 'volunteer drivers' },
  { query: 'volunter drivers' }, { query: 'PB' }, { query: 'participatory budgeting' }, { query: 'SEND transport' },
  { query: 'travel training' }, { query: 'loneliness older people' }, { query: 'social prescribing' }, { query: 'food waste' },
  { query: 'recyling' }, { query: 'repair cafes' }, { query: 'school streets' }, { query: 'e-bike' },
  { query: 'retrofit' }, { query: 'fuel poverty' }, { query: 'heat network' }, { query: 'care leavers' },
  { query: 'family group conferencing' }, { query: 'early help' }, { query: 'foster carers' }, { query: 'apprenticeships' },
  { query: 'NEET' }, { query: 'youth work' }, { query: 'domestic abuse' }, { query: 'digital champions' },
  { query: 'open source' }, { query: 'council tax' }, { query: 'libraries volunteers' }, { query: 'dementia' },
  { query: 'homelessness', filter: { nations: ['WALES'] } },
  { query: 'social care', filter: { verdicts: ['WORKED'], minEvidenceLevel: 3 } },
  { query: '', filter: { serviceAreas: ['waste'], stages: ['SCALING', 'EMBEDDED'] } },
  { query: 'prevention', filter: { regions: ['North West'] } },
  { query: 'pilot', filter: { ruralUrbanClasses: ['SPARSE_AND_RURAL'] } },
  { query: 'young people', filter: { deprivationQuintiles: [1, 2] } },
  { query: '', filter: { verdicts: ['NO_EFFECT', 'STOPPED_EARLY', 'HARMFUL'] } },
  { query: 'transport', filter: { populationBands: ['UNDER_100K', 'FROM_100K_TO_250K'] } },
  { query: 'toolkit', filter: { artefactTypes: ['TOOLKIT', 'BUSINESS_CASE'] } },
  { query: 'families', filter: { years: [2019, 2020] } },
  { query: 'community', filter: { costBands: ['UNDER_10K'] } },
  { query: 'carers', filter: { organisationTypes: ['COUNTY', 'UNITARY_AUTHORITY'] } },
  { query: 'wellbeing', filter: { nations: ['SCOTLAND', 'NORTHERN_IRELAND'] } },
  { query: 'trial', filter: { serviceAreas: ['finance-and-commissioning'], verdicts: ['WORKED'] } },
];
