import type { BodyKind } from '../bodies/entities/body.entity.js';
import type { RotationPolicy, WorkingLanguage } from '../councils/entities/council.entity.js';
import type { ParticipantCategory, ParticipantKind } from '../participants/entities/participant.entity.js';

/**
 * The demo council: the North and Central American Migration Council with the
 * eleven member states of the Regional Conference on Migration (CRM), some
 * permanent participants and observers, CRM-style bodies, and the task force's
 * twelve key recommendations. Every name here is a fixed key: the seed is idempotent.
 */

export const DEMO_EMAIL_DOMAIN = 'demo.protempore.org';

export const DEMO_COUNCIL = {
  slug: 'nacmc',
  name: 'North and Central American Migration Council',
  workingLanguages: ['es', 'en', 'fr', 'pt'] as WorkingLanguage[],
  termMonths: 12,
  rotationPolicy: 'fixed_order' as RotationPolicy,
  quorumRatio: 0.75,
  timeZone: 'America/Panama',
};

export interface DemoParticipant {
  /** Fixed key: names the participant's delegates' emails (head.<key>@…). */
  key: string;
  kind: ParticipantKind;
  name: string;
  isoCode: string | null;
  category: ParticipantCategory | null;
  /** The participant's seat (a state's capital). */
  timeZone: string;
  /** The delegates' language and time zone. */
  language: WorkingLanguage;
  delegateTimeZone: string;
  /** Member states only; other languages for the alternate (e.g. Canada's French). */
  alternateLanguage?: WorkingLanguage;
}

const state = (isoCode: string, name: string, timeZone: string, language: WorkingLanguage, alternateLanguage?: WorkingLanguage): DemoParticipant => ({
  key: isoCode.toLowerCase(),
  kind: 'member_state',
  name,
  isoCode,
  category: null,
  timeZone,
  language,
  delegateTimeZone: timeZone,
  alternateLanguage: alternateLanguage ?? language,
});

/** The CRM member states, in the rotation order (position 1 first). */
export const DEMO_MEMBER_STATES: DemoParticipant[] = [
  state('BZ', 'Belize', 'America/Belize', 'en'),
  state('CA', 'Canada', 'America/Toronto', 'en', 'fr'),
  state('CR', 'Costa Rica', 'America/Costa_Rica', 'es'),
  state('DO', 'Dominican Republic', 'America/Santo_Domingo', 'es'),
  state('SV', 'El Salvador', 'America/El_Salvador', 'es'),
  state('GT', 'Guatemala', 'America/Guatemala', 'es'),
  state('HN', 'Honduras', 'America/Tegucigalpa', 'es'),
  state('MX', 'Mexico', 'America/Mexico_City', 'es'),
  state('NI', 'Nicaragua', 'America/Managua', 'es'),
  state('PA', 'Panama', 'America/Panama', 'es'),
  state('US', 'United States', 'America/New_York', 'en'),
];

export const DEMO_PERMANENT_PARTICIPANTS: DemoParticipant[] = [
  {
    key: 'migrant-network',
    kind: 'permanent_participant',
    name: 'Regional Network of Migrant Communities',
    isoCode: null,
    category: 'migrant_community',
    timeZone: 'America/Los_Angeles',
    language: 'es',
    delegateTimeZone: 'America/Los_Angeles',
  },
  {
    key: 'civil-society',
    kind: 'permanent_participant',
    name: "Central American Civil Society Coalition for Migrants' Rights",
    isoCode: null,
    category: 'civil_society',
    timeZone: 'America/Guatemala',
    language: 'es',
    delegateTimeZone: 'America/Guatemala',
  },
  {
    key: 'indigenous-council',
    kind: 'permanent_participant',
    name: 'Mesoamerican Council of Indigenous Peoples on Human Mobility',
    isoCode: null,
    category: 'indigenous',
    timeZone: 'America/Guatemala',
    language: 'es',
    delegateTimeZone: 'America/Guatemala',
  },
  {
    key: 'academic-network',
    kind: 'permanent_participant',
    name: 'North and Central American University Network on Migration',
    isoCode: null,
    category: 'academia',
    timeZone: 'America/Mexico_City',
    language: 'en',
    delegateTimeZone: 'America/Mexico_City',
  },
  {
    key: 'business-council',
    kind: 'permanent_participant',
    name: 'Regional Business Council for Labour Mobility',
    isoCode: null,
    category: 'private_sector',
    timeZone: 'America/Panama',
    language: 'es',
    delegateTimeZone: 'America/Panama',
  },
];

const observer = (
  key: string,
  name: string,
  category: ParticipantCategory,
  timeZone: string,
  language: WorkingLanguage,
  delegateTimeZone: string,
  isoCode: string | null = null,
): DemoParticipant => ({ key, kind: 'observer', name, isoCode, category, timeZone, language, delegateTimeZone });

/** Observers; the UN agencies' delegates sit in their regional offices. */
export const DEMO_OBSERVERS: DemoParticipant[] = [
  observer('unhcr', 'Office of the United Nations High Commissioner for Refugees (UNHCR)', 'intergovernmental', 'Europe/Zurich', 'es', 'America/Panama'),
  observer('iom', 'International Organization for Migration (IOM)', 'intergovernmental', 'Europe/Zurich', 'es', 'America/Costa_Rica'),
  observer('unicef', "United Nations Children's Fund (UNICEF)", 'intergovernmental', 'America/New_York', 'es', 'America/Panama'),
  observer('ilo', 'International Labour Organization (ILO)', 'intergovernmental', 'Europe/Zurich', 'es', 'America/Lima'),
  observer('idb', 'Inter-American Development Bank (IDB)', 'financial_institution', 'America/New_York', 'en', 'America/New_York'),
  observer('co', 'Colombia', 'state', 'America/Bogota', 'es', 'America/Bogota', 'CO'),
];

export interface DemoBody {
  kind: BodyKind;
  name: string;
  description: string;
  /** Years relative to the current one (0 = this year); the mandate runs from 1 January of `startYear`. */
  startYear: number;
  /** Exclusive end of the mandate as 1 January of (current year + endYear); null = open-ended. */
  endYear: number | null;
  /** Lead participants by key, each from 1 January of `fromYear` until 1 January of `untilYear` (null = open-ended). */
  leads: { key: string; fromYear: number; untilYear: number | null }[];
}

export const DEMO_BODIES: DemoBody[] = [
  {
    kind: 'working_group',
    name: 'Working Group on Border Management',
    description: 'Coordinates border management, information exchange and safe, orderly crossings among member states.',
    startYear: -1,
    endYear: null,
    // Guatemala hands the lead to El Salvador at the next new year, so the handover has a change of lead to show.
    leads: [
      { key: 'gt', fromYear: -1, untilYear: 1 },
      { key: 'mx', fromYear: -1, untilYear: null },
      { key: 'sv', fromYear: 1, untilYear: null },
    ],
  },
  {
    kind: 'working_group',
    name: 'Working Group on Labour Migration',
    description: 'Coordinates labour-migration policies and temporary and circular labour pathways.',
    startYear: -1,
    endYear: null,
    leads: [
      { key: 'ca', fromYear: -1, untilYear: null },
      { key: 'mx', fromYear: -1, untilYear: null },
    ],
  },
  {
    kind: 'working_group',
    name: 'Working Group on Irregular and Mass Migration',
    description: 'Prepares joint responses to irregular and mass movements along the migration corridor.',
    startYear: -1,
    endYear: null,
    leads: [
      { key: 'pa', fromYear: -1, untilYear: null },
      { key: 'do', fromYear: -1, untilYear: null },
    ],
  },
  {
    kind: 'working_group',
    name: 'Working Group on Protection',
    description: 'Protection of refugees, asylum seekers, internally displaced people, women and children in transit.',
    startYear: -1,
    endYear: null,
    leads: [
      { key: 'cr', fromYear: -1, untilYear: null },
      { key: 'hn', fromYear: -1, untilYear: null },
    ],
  },
  {
    kind: 'task_force',
    name: 'Task Force on Labour Migration Pathways',
    description: 'Time-limited: raise labour-migration pathways from Central America by at least 50,000 people within two years (key recommendation 5).',
    startYear: 0,
    endYear: 2,
    leads: [
      { key: 'us', fromYear: 0, untilYear: 2 },
      { key: 'ca', fromYear: 0, untilYear: 2 },
    ],
  },
  {
    kind: 'thematic_network',
    name: 'Thematic Network on Integration and the Public Narrative',
    description:
      'Shares practice on integration and on explaining to citizens why regional cooperation on migration serves each country (key recommendation 12).',
    startYear: -1,
    endYear: null,
    leads: [
      { key: 'migrant-network', fromYear: -1, untilYear: null },
      { key: 'academic-network', fromYear: -1, untilYear: null },
    ],
  },
];

export const DEMO_FOCUS_AREAS: { code: string; title: string }[] = [
  { code: 'A', title: 'A comprehensive, strategic regional approach' },
  { code: 'B', title: 'Protect women, children, Indigenous peoples and displaced people' },
  { code: 'C', title: 'Alternative migration pathways' },
  { code: 'D', title: 'Political and institutional drivers' },
  { code: 'E', title: 'Economic and environmental drivers' },
  { code: 'F', title: 'Change the narrative and support integration' },
];

/** The task force's 12 key recommendations. */
export const DEMO_RECOMMENDATIONS: { focusArea: string; number: number; title: string; body: string; whoShouldAct: string | null }[] = [
  {
    focusArea: 'A',
    number: 1,
    title: 'Create a North and Central American Council on Migration',
    body:
      'Create a North and Central American Council on Migration on the Arctic Council model, with a rotating presidency and ' +
      'migrant communities, civil society, academia and the private sector as full participants.',
    whoShouldAct: null,
  },
  {
    focusArea: 'B',
    number: 2,
    title: "Regional consortium of women's organisations",
    body:
      "Women's organisations and networks of Mexico and Central America convene a regional network meeting within the year, " +
      'to form a consortium that leads priority actions to protect women and children (supported by Vital Voices, the Pan ' +
      'American Development Foundation and donor governments).',
    whoShouldAct:
      "Women's organisations and networks of Mexico and Central America, supported by Vital Voices, the Pan American Development Foundation and donor governments",
  },
  {
    focusArea: 'B',
    number: 3,
    title: 'Examine a regional child-protection system',
    body: "UNICEF, child-focused NGOs and UNHCR's Safe Spaces network convene stakeholders to examine a regional child-protection system.",
    whoShouldAct: "UNICEF, child-focused NGOs and UNHCR's Safe Spaces network",
  },
  {
    focusArea: 'B',
    number: 4,
    title: 'Fund asylum and adopt internal-displacement policies',
    body:
      "National governments, donors and regional actors fund and support asylum and innovations such as Mexico's internal " +
      'relocation programme, and adopt internal-displacement policies based on international standards.',
    whoShouldAct: 'National governments, donors and regional actors',
  },
  {
    focusArea: 'C',
    number: 5,
    title: 'Raise labour-migration pathways by 50,000 people',
    body:
      'The United States, Canada and Mexico raise labour-migration pathways from Central America by at least 50,000 people ' +
      'within two years, and coordinate their labour-migration policies.',
    whoShouldAct: 'The United States, Canada and Mexico',
  },
  {
    focusArea: 'C',
    number: 6,
    title: 'Extend protection pathways for Central Americans',
    body:
      'The United States and Canada extend all protection pathways for Central Americans (refugee routes, complementary ' +
      'protection, parole, temporary protection), after a review in the first half of 2022, together with Mexico.',
    whoShouldAct: 'The United States and Canada, together with Mexico',
  },
  {
    focusArea: 'D',
    number: 7,
    title: 'Support anti-corruption initiatives',
    body:
      'Donors support civil-society and academic anti-corruption initiatives and protect those who denounce corruption; ' +
      'support regional bodies such as CCINOC; steps toward an international anti-corruption court; sanctions and asset ' +
      'recovery; financial institutions stop funding corrupt governments.',
    whoShouldAct: 'Donors and financial institutions',
  },
  {
    focusArea: 'D',
    number: 8,
    title: 'Professionalise security forces and reform prisons',
    body: 'Northern Central American governments professionalise and root out corruption in security forces and prioritise prison reform.',
    whoShouldAct: 'Northern Central American governments',
  },
  {
    focusArea: 'E',
    number: 9,
    title: 'International conference on structural inequality',
    body:
      'Convene an international conference in 2022 (academics, policymakers, civil society, financial institutions) to ' +
      'launch an initiative on structural inequality and the forces that compel migration.',
    whoShouldAct: null,
  },
  {
    focusArea: 'E',
    number: 10,
    title: 'Formalise informal businesses and remittance savings',
    body:
      'Lower the barriers to formalising informal businesses (especially those led by women and young people) and ' +
      'encourage migrants to formalise remittance savings.',
    whoShouldAct: null,
  },
  {
    focusArea: 'E',
    number: 11,
    title: 'Prepare to assist environmental migrants',
    body:
      'Prepare to assist environmental migrants in slow- and sudden-onset scenarios, including micro-insurance; recognise ' +
      'migration as part of climate adaptation.',
    whoShouldAct: null,
  },
  {
    focusArea: 'F',
    number: 12,
    title: 'Build a shared understanding of regional cooperation',
    body:
      "All stakeholders build a shared understanding, communicated to each country's citizens, of how the region's " +
      'countries work together on migration, and why cooperation serves each national interest.',
    whoShouldAct: 'All stakeholders',
  },
];
