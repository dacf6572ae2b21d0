/**
 * The benchmark's queries, typed as officers type them, with graded judgments by topic (3 exactly right,
 * 2 clearly relevant, 1 marginal; a key "topic#n" grades one write-up). Written before tuning and judged
 * by reading the write-ups, never by looking at what an engine returned.
 */
export type Kind = 'keyword' | 'typo' | 'acronym' | 'lay' | 'question' | 'failure' | 'evidence' | 'place' | 'filter' | 'distractor';

/** What the query asks for besides its topic; the judge applies it write-up by write-up. */
export type Want = 'failed' | 'evidence' | 'cheap' | 'rural' | { nation: string };

export interface Query {
  q: string;
  kind: Kind;
  grades: Record<string, number>;
  want?: Want;
  /** A SearchFilter, as a person would set it on the search page (or a partner in the API). */
  filter?: Record<string, unknown>;
}

export const QUERIES: Query[] = [
  // Plain keywords
  { q: 'befriending', kind: 'keyword', grades: { befriending: 3, 'lunch-clubs': 1, 'village-agents': 1 } },
  { q: 'fly-tipping', kind: 'keyword', grades: { 'fly-tipping': 3 } },
  { q: 'temporary accommodation', kind: 'keyword', grades: { 'temporary-accommodation': 3, 'homelessness-prevention': 1 } },
  { q: 'foster carers', kind: 'keyword', grades: { 'fostering-recruitment': 3, 'family-group-conferences': 1 } },
  { q: 'reablement', kind: 'keyword', grades: { reablement: 3, 'hospital-discharge': 1 } },
  { q: 'school streets', kind: 'keyword', grades: { 'school-streets': 3 } },
  { q: 'naloxone', kind: 'keyword', grades: { naloxone: 3 } },
  { q: 'street lighting LED', kind: 'keyword', grades: { 'street-lighting': 3 } },
  { q: 'participatory budgeting', kind: 'keyword', grades: { 'participatory-budgeting': 3, 'citizens-assembly': 1 } },
  { q: 'damp and mould', kind: 'keyword', grades: { 'damp-mould': 3 } },
  { q: 'warm spaces', kind: 'keyword', grades: { 'warm-spaces': 3 } },
  { q: 'social prescribing', kind: 'keyword', grades: { 'social-prescribing': 3 } },
  { q: 'home to school transport', kind: 'keyword', grades: { 'send-transport': 3, 'school-streets': 1 } },
  { q: 'pension credit', kind: 'keyword', grades: { 'debt-advice#2': 3, 'debt-advice': 2 } },
  // Typos
  { q: 'homelessnes prevention', kind: 'typo', grades: { 'homelessness-prevention': 3, 'temporary-accommodation': 1, 'housing-first': 1 } },
  { q: 'befreinding', kind: 'typo', grades: { befriending: 3 } },
  { q: 'reablment', kind: 'typo', grades: { reablement: 3 } },
  { q: 'flytipping', kind: 'typo', grades: { 'fly-tipping': 3 } },
  { q: 'apprenticship levy', kind: 'typo', grades: { apprenticeships: 3 } },
  { q: 'domestic abuse champoins', kind: 'typo', grades: { 'domestic-abuse#0': 3, 'domestic-abuse': 2 } },
  { q: 'strenght and balance', kind: 'typo', grades: { 'falls-prevention#0': 3, 'falls-prevention': 2 } },
  // Acronyms both ways
  { q: 'SEND transport', kind: 'acronym', grades: { 'send-transport': 3, 'ehcp-timeliness': 1 } },
  { q: 'EHCP', kind: 'acronym', grades: { 'ehcp-timeliness': 3, 'send-transport': 1 } },
  { q: 'education health and care plans', kind: 'acronym', grades: { 'ehcp-timeliness': 3, 'send-transport': 1 } },
  { q: 'NEET', kind: 'acronym', grades: { neet: 3 } },
  { q: 'ASB', kind: 'acronym', grades: { 'youth-outreach': 3 } },
  { q: 'DToC', kind: 'acronym', grades: { 'hospital-discharge': 3, reablement: 1 } },
  { q: 'EV charging', kind: 'acronym', grades: { 'ev-charging': 3 } },
  { q: 'DRT', kind: 'acronym', grades: { 'demand-responsive-transport': 3 } },
  { q: 'DA perpetrator programme', kind: 'acronym', grades: { 'domestic-abuse#1': 3, 'domestic-abuse': 2 } },
  { q: 'PB', kind: 'acronym', grades: { 'participatory-budgeting': 3 } },
  // Lay language
  { q: 'old people lonely', kind: 'lay', grades: { befriending: 3, 'lunch-clubs': 3, 'village-agents': 2, 'social-prescribing': 1 } },
  { q: 'kids in care', kind: 'lay', grades: { 'edge-of-care': 3, 'fostering-recruitment': 3, 'family-group-conferences': 3, 'care-leavers': 2 } },
  { q: 'getting people online', kind: 'lay', grades: { 'digital-inclusion': 3 } },
  { q: 'potholes', kind: 'lay', grades: { potholes: 3 } },
  { q: 'bins', kind: 'lay', grades: { 'bin-tagging': 3, 'food-waste': 2 } },
  { q: 'homeless families in hotels', kind: 'lay', grades: { 'temporary-accommodation': 3, 'homelessness-prevention': 1 } },
  { q: 'rough sleepers', kind: 'lay', grades: { 'housing-first': 3, 'temporary-accommodation': 1 } },
  { q: 'people looking after a relative', kind: 'lay', grades: { 'unpaid-carers': 3, 'young-carers': 1 } },
  { q: 'dumped rubbish', kind: 'lay', grades: { 'fly-tipping': 3 } },
  { q: 'elderly falling over', kind: 'lay', grades: { 'falls-prevention': 3, reablement: 1 } },
  { q: 'kids skipping school', kind: 'lay', grades: { 'school-attendance': 3 } },
  { q: 'help with bills', kind: 'lay', grades: { 'debt-advice': 3, 'warm-spaces': 1, 'home-insulation': 1 } },
  { q: 'cold homes', kind: 'lay', grades: { 'home-insulation': 3, 'warm-spaces': 2, 'damp-mould': 1 } },
  { q: 'teenagers hanging around causing trouble', kind: 'lay', grades: { 'youth-outreach': 3 } },
  { q: 'young people with no job', kind: 'lay', grades: { neet: 3, apprenticeships: 1 } },
  { q: 'quit smoking', kind: 'lay', grades: { 'smoking-cessation': 3 } },
  { q: 'electric cars', kind: 'lay', grades: { 'ev-charging': 3 } },
  // Questions
  { q: 'how do we reduce SEND transport costs', kind: 'question', grades: { 'send-transport': 3 } },
  { q: 'has anyone tried befriending for older people', kind: 'question', grades: { befriending: 3, 'lunch-clubs': 1, 'village-agents': 1 } },
  { q: 'how can we stop families going into B&B', kind: 'question', grades: { 'temporary-accommodation': 3, 'homelessness-prevention': 2 } },
  { q: 'how to keep libraries open longer', kind: 'question', grades: { 'library-hours': 3 } },
  { q: 'longer library opening hours', kind: 'question', grades: { 'library-hours': 3 } },
  { q: 'support for unpaid carers', kind: 'question', grades: { 'unpaid-carers': 3, 'young-carers': 2 } },
  { q: 'what can we do about loneliness', kind: 'question', grades: { befriending: 3, 'lunch-clubs': 2, 'village-agents': 2, 'social-prescribing': 2 } },
  { q: 'how do other councils recruit foster carers', kind: 'question', grades: { 'fostering-recruitment': 3 } },
  { q: 'ways to cut agency social worker spend', kind: 'question', grades: { 'agency-social-workers': 3, apprenticeships: 1 } },
  { q: 'how are councils getting more people to recycle food waste', kind: 'question', grades: { 'food-waste': 3, 'bin-tagging': 1 } },
  { q: 'has anyone used a citizens assembly for climate', kind: 'question', grades: { 'citizens-assembly': 3, 'participatory-budgeting#2': 1 } },
  { q: 'how can we get patients out of hospital quicker', kind: 'question', grades: { 'hospital-discharge': 3, reablement: 2 } },
  { q: 'what helps young carers at school', kind: 'question', grades: { 'young-carers': 3, 'unpaid-carers': 1 } },
  { q: 'how do we get more kids walking to school', kind: 'question', grades: { 'school-streets': 3 } },
  // Failure intent
  { q: "what didn't work for fly-tipping", kind: 'failure', want: 'failed', grades: { 'fly-tipping': 3 } },
  { q: 'failed chatbot', kind: 'failure', want: 'failed', grades: { chatbot: 3 } },
  { q: 'lessons from befriending schemes that did not work', kind: 'failure', want: 'failed', grades: { befriending: 3, 'lunch-clubs': 1 } },
  { q: 'food waste no effect', kind: 'failure', want: 'failed', grades: { 'food-waste': 3, 'bin-tagging': 1 } },
  { q: 'failed digital inclusion projects', kind: 'failure', want: 'failed', grades: { 'digital-inclusion': 3 } },
  { q: 'school attendance what did not work', kind: 'failure', want: 'failed', grades: { 'school-attendance': 3 } },
  { q: 'housing first failures', kind: 'failure', want: 'failed', grades: { 'housing-first': 3 } },
  { q: 'why did street lighting switch-off fail', kind: 'failure', want: 'failed', grades: { 'street-lighting': 3 } },
  { q: 'lessons learned participatory budgeting', kind: 'failure', want: 'failed', grades: { 'participatory-budgeting': 3 } },
  // Evidence intent
  { q: 'randomised trial council tax', kind: 'evidence', want: 'evidence', grades: { 'council-tax-reminders': 3 } },
  { q: 'evidence for social prescribing', kind: 'evidence', want: 'evidence', grades: { 'social-prescribing': 3 } },
  { q: 'proven ways to reduce falls', kind: 'evidence', want: 'evidence', grades: { 'falls-prevention': 3 } },
  { q: 'evaluated edge of care', kind: 'evidence', want: 'evidence', grades: { 'edge-of-care': 3 } },
  { q: 'RCT smoking', kind: 'evidence', want: 'evidence', grades: { 'smoking-cessation': 3 } },
  { q: 'strong evidence reablement', kind: 'evidence', want: 'evidence', grades: { reablement: 3 } },
  { q: 'cheap ways to tackle loneliness', kind: 'evidence', want: 'cheap', grades: { befriending: 3, 'lunch-clubs': 3, 'village-agents': 2, 'social-prescribing': 1 } },
  { q: 'low cost fly-tipping ideas', kind: 'evidence', want: 'cheap', grades: { 'fly-tipping': 3 } },
  // Places in the words
  { q: 'potholes in Scotland', kind: 'place', want: { nation: 'SCOTLAND' }, grades: { potholes: 3 } },
  { q: 'digital inclusion in Wales', kind: 'place', want: { nation: 'WALES' }, grades: { 'digital-inclusion': 3 } },
  { q: 'rural transport', kind: 'place', want: 'rural', grades: { 'demand-responsive-transport': 3 } },
  { q: 'housing first Northern Ireland', kind: 'place', want: { nation: 'NORTHERN_IRELAND' }, grades: { 'housing-first': 3 } },
  { q: 'foster carers Scotland', kind: 'place', want: { nation: 'SCOTLAND' }, grades: { 'fostering-recruitment': 3 } },
  // Filters set on the page
  { q: 'potholes', kind: 'filter', filter: { nations: ['SCOTLAND'] }, grades: { potholes: 3 } },
  { q: 'loneliness', kind: 'filter', filter: { minEvidenceLevel: 2 }, grades: { befriending: 3, 'lunch-clubs': 2, 'village-agents': 2, 'social-prescribing': 1 } },
  { q: 'homelessness', kind: 'filter', filter: { verdicts: ['WORKED'] }, grades: { 'homelessness-prevention': 3, 'housing-first': 3, 'temporary-accommodation': 3, 'care-leavers': 1 } },
  { q: 'recycling', kind: 'filter', filter: { serviceAreas: ['waste'] }, grades: { 'bin-tagging': 3, 'food-waste': 3, 'laptop-recycling': 1 } },
  { q: 'carers', kind: 'filter', filter: { costBands: ['UNDER_10K', 'FROM_10K_TO_50K'] }, grades: { 'unpaid-carers': 3, 'young-carers': 3, 'fostering-recruitment': 1 } },
  // Distractors: the words also belong to another topic
  { q: 'homeless', kind: 'distractor', grades: { 'temporary-accommodation': 3, 'homelessness-prevention': 3, 'housing-first': 3, 'care-leavers': 1 } },
  { q: 'loneliness', kind: 'distractor', grades: { befriending: 3, 'lunch-clubs': 2, 'village-agents': 2, 'social-prescribing': 1 } },
  { q: 'testing kits', kind: 'distractor', grades: { 'sti-testing': 3, naloxone: 1 } },
  { q: 'old laptops', kind: 'distractor', grades: { 'laptop-recycling': 3, 'digital-inclusion': 1 } },
  { q: 'isolation', kind: 'distractor', grades: { befriending: 3, 'self-isolation-payments': 2, 'village-agents': 2, 'lunch-clubs': 1 } },
  { q: 'home care', kind: 'distractor', grades: { reablement: 3, 'hospital-discharge': 1 } },
  { q: 'reminder letters', kind: 'distractor', grades: { 'council-tax-reminders': 3 } },
];
