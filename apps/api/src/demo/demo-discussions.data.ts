// Demo conversations, written for the demo (fictional officers at real councils, clearly marked as demonstration
// accounts). Experiments are referred to by their demo externalId, councils by GSS code.

export interface DemoPerson {
  key: string;
  name: string;
  jobTitle: string;
  council: string;
}

export interface DemoDiscussion {
  title: string;
  experiment?: string;
  serviceAreas?: string[];
  themes?: string[];
  daysAgo: number;
  /** A discussion opens with a post. */
  posts: [DemoPost, ...DemoPost[]];
}

interface DemoPost {
  by: string;
  body: string;
  cites?: string[];
  answer?: boolean;
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { key: 'amira.hassan', name: 'Amira Hassan (demo)', jobTitle: 'Hospital discharge lead', council: 'E08000035' },
  { key: 'tom.pryce', name: 'Tom Pryce (demo)', jobTitle: 'Commissioning officer, adult social care', council: 'E06000065' },
  { key: 'grace.okafor', name: 'Grace Okafor (demo)', jobTitle: 'Rough sleeping coordinator', council: 'E08000003' },
  { key: 'li.wei', name: 'Li Wei (demo)', jobTitle: 'Homelessness strategy officer', council: 'E06000023' },
  { key: 'ruth.trelawny', name: 'Ruth Trelawny (demo)', jobTitle: 'Waste reduction officer', council: 'E06000052' },
  { key: 'sam.ellis', name: 'Sam Ellis (demo)', jobTitle: 'Community engagement manager', council: 'E10000020' },
  { key: 'priya.nair', name: 'Priya Nair (demo)', jobTitle: 'Localities officer', council: 'E06000049' },
  { key: 'dan.robson', name: 'Dan Robson (demo)', jobTitle: 'Neighbourhoods and participation officer', council: 'E08000023' },
  { key: 'hannah.lloyd', name: 'Hannah Lloyd (demo)', jobTitle: 'Housing options manager', council: 'W06000015' },
  { key: 'owen.price', name: 'Owen Price (demo)', jobTitle: 'Rural transport officer', council: 'W06000023' },
  { key: 'beth.morgan', name: 'Beth Morgan (demo)', jobTitle: 'Recycling behaviour change officer', council: 'W06000015' },
  { key: 'kate.dixon', name: 'Kate Dixon (demo)', jobTitle: 'Service manager, reablement', council: 'E08000032' },
];

export const DEMO_DISCUSSIONS: DemoDiscussion[] = [
  {
    title: 'How did you insure the volunteer drivers?',
    experiment: 'demo-leeds-home-from-hospital',
    daysAgo: 12,
    posts: [
      {
        by: 'tom.pryce',
        body: 'We are a large rural county and are looking at volunteer drivers for discharge. Our insurers want to know whether drivers used their **own cars** and who carried the risk. How did you set that up?',
      },
      {
        by: 'amira.hassan',
        answer: true,
        body: 'Drivers used their own cars. The volunteer centre that recruited them holds a policy covering volunteers on business use, so drivers did not need to change their own insurance. We reimbursed mileage at the HMRC approved rate.\n\nTwo things we would do sooner next time:\n\n- check the policy covers carrying equipment (walking frames, oxygen)\n- agree with the ward who phones the patient if a driver is running late',
      },
      { by: 'tom.pryce', body: 'Very helpful, thank you. Going to our insurer with this next week.' },
    ],
  },
  {
    title: 'What caseload did your support workers carry?',
    experiment: 'demo-manchester-housing-first',
    daysAgo: 20,
    posts: [
      { by: 'li.wei', body: 'We are costing a Housing First pilot. What was the ratio of support workers to tenants, and did it change once people had been housed for a while?' },
      {
        by: 'grace.okafor',
        answer: true,
        body: 'We kept it at about one worker to seven tenants for the whole pilot. We were tempted to raise it after the first year, but the people who had been housed longest still had crises, and the low caseload is what let workers respond the same day. Budget for it from the start.',
      },
    ],
  },
  {
    title: 'Did you need PAT testing for electrical repairs?',
    experiment: 'demo-cornwall-repair-cafes',
    daysAgo: 3,
    posts: [{ by: 'sam.ellis', body: 'Our health and safety team is asking whether every repaired electrical item needs a portable appliance test before it goes home. What did you do at your repair cafés?' }],
  },
  {
    title: 'Has anyone run participatory budgeting entirely online?',
    serviceAreas: ['democracy-and-participation'],
    themes: ['participatory budgeting'],
    daysAgo: 30,
    posts: [
      { by: 'priya.nair', body: 'We want to run a small grants round by residents\u2019 vote but have no budget for events. Has anyone done the whole thing online, and did turnout suffer?' },
      {
        by: 'dan.robson',
        answer: true,
        cites: ['demo-south-tyneside-pb', 'demo-mid-ulster-pb'],
        body: 'We ran ours with in-person voting events, and the events were where most of the new relationships came from, so I would be wary of going fully online. Mid Ulster ran a district-wide vote that reached more people; their write-up is worth reading for the online side.',
      },
      { by: 'priya.nair', body: 'Thanks: we will try a hybrid, online voting with two drop-in sessions in the libraries.' },
    ],
  },
  {
    title: 'Has anyone tried Housing First outside a big city?',
    serviceAreas: ['housing-and-homelessness'],
    themes: ['prevention'],
    daysAgo: 25,
    posts: [
      { by: 'ruth.trelawny', body: 'Most of the evidence I can find is from cities. Has anyone made Housing First work where homes are spread out and support workers spend hours travelling?' },
      {
        by: 'hannah.lloyd',
        answer: true,
        cites: ['demo-cardiff-housing-first', 'demo-glasgow-rapid-rehousing'],
        body: 'Not rural, but we used our own council homes rather than private lets, which took the landlord-finding problem away. Glasgow\u2019s rapid rehousing work also covers how tenancy support was organised across a wide area.',
      },
    ],
  },
  {
    title: 'Demand-responsive transport for GP appointments: any evidence?',
    serviceAreas: ['transport', 'public-health'],
    daysAgo: 5,
    posts: [{ by: 'owen.price', body: 'We are asked whether a book-ahead minibus would cut missed GP appointments in our remote villages. Has anyone measured that, rather than passenger numbers?' }],
  },
  {
    title: 'Did the food waste sticker effect last?',
    serviceAreas: ['waste'],
    themes: ['behaviour change'],
    daysAgo: 8,
    posts: [
      { by: 'ruth.trelawny', body: 'Bin stickers seem to give a jump in food waste collections. Did anyone keep measuring long enough to see whether it faded?' },
      {
        by: 'beth.morgan',
        cites: ['demo-cardiff-food-waste-nudge'],
        body: 'We measured for six months after the stickers went on. Our write-up has the month-by-month figures; the short version is that most of the rise held, but new residents moving in never saw the original leaflet.',
      },
    ],
  },
];

export const DEMO_INTEREST: { experiment: string; by: string; level: 'CONSIDERING' | 'PLANNING' | 'TRYING'; note?: string; daysAgo: number }[] = [
  { experiment: 'demo-leeds-home-from-hospital', by: 'tom.pryce', level: 'PLANNING', note: 'Insurance agreed in principle; starting with one hospital.', daysAgo: 10 },
  { experiment: 'demo-leeds-home-from-hospital', by: 'kate.dixon', level: 'TRYING', note: 'Running with our reablement team since the spring.', daysAgo: 40 },
  { experiment: 'demo-leeds-home-from-hospital', by: 'owen.price', level: 'CONSIDERING', daysAgo: 6 },
  { experiment: 'demo-manchester-housing-first', by: 'li.wei', level: 'CONSIDERING', note: 'Costing a pilot for 20 tenancies.', daysAgo: 19 },
  { experiment: 'demo-manchester-housing-first', by: 'ruth.trelawny', level: 'CONSIDERING', daysAgo: 24 },
  { experiment: 'demo-cornwall-repair-cafes', by: 'sam.ellis', level: 'PLANNING', note: 'Two library sites lined up.', daysAgo: 3 },
  { experiment: 'demo-cardiff-food-waste-nudge', by: 'ruth.trelawny', level: 'TRYING', daysAgo: 7 },
  { experiment: 'demo-south-tyneside-pb', by: 'priya.nair', level: 'PLANNING', daysAgo: 28 },
];
