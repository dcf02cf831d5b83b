import type { MeetingKind } from '../councils/entities/council-meeting-rule.entity.js';
import type { AgendaItemPurpose } from '../meetings/agenda/entities/agenda-item.entity.js';
import type { DecisionOutcome } from '../meetings/session/entities/decision.entity.js';
import type { Texts } from './demo-clock.js';

/**
 * The demo council's meetings and written procedure, in the four working languages: a senior officials meeting
 * held a few weeks ago (minutes approved), a working group meeting in about three weeks (convened, agenda
 * circulated), a working group meeting being planned (draft), and a silence procedure running.
 * Participants are named by their seed key (demo-council.data.ts), bodies by name.
 */

export interface DemoDecision {
  key: string;
  text: Texts;
  outcome: DecisionOutcome;
  /** Consultation positions (permanent participants, observers' delegations may not; member states may). */
  positions?: { participant: string; position: 'support' | 'concern' | 'neutral'; note: string }[];
}

export interface DemoAgendaItem {
  title: Texts;
  purpose: AgendaItemPurpose;
  presenter?: string;
  minutes?: number;
  documents?: { title: string; url: string }[];
  decision?: DemoDecision;
  /** The secretariat's summary in the minutes (past meeting only). */
  summary?: Texts;
}

export interface DemoMeeting {
  key: 'past' | 'upcoming' | 'planned';
  kind: MeetingKind;
  body: string | null;
  title: string;
  /** Days from the seed date (moved to the next working day), local start hour and length in hours. */
  day: number;
  hour: number;
  hours: number;
  timeZone: string;
  host: string;
  venue: string;
  onlineUrl: string | null;
  items: DemoAgendaItem[];
}

const OPENING: DemoAgendaItem = {
  title: {
    es: 'Apertura y aprobación del orden del día',
    en: 'Opening and adoption of the agenda',
    fr: "Ouverture et adoption de l'ordre du jour",
    pt: 'Abertura e aprovação da ordem do dia',
  },
  purpose: 'information',
  minutes: 15,
};

const AOB: DemoAgendaItem = {
  title: { es: 'Asuntos varios', en: 'Any other business', fr: 'Questions diverses', pt: 'Outros assuntos' },
  purpose: 'aob',
  minutes: 15,
};

export const DEMO_MEETINGS: DemoMeeting[] = [
  {
    key: 'past',
    kind: 'senior_officials',
    body: null,
    title: 'Senior Officials Meeting — Guatemala City',
    // Moved to a working day, it falls 25 to 27 days ago: before the items it created (24 days ago).
    day: -27,
    hour: 9,
    hours: 8,
    timeZone: 'America/Guatemala',
    host: 'gt',
    venue: 'Ministerio de Relaciones Exteriores, Ciudad de Guatemala',
    onlineUrl: null,
    items: [
      {
        ...OPENING,
        summary: {
          es: 'Se aprobó el orden del día sin cambios.',
          en: 'The agenda was adopted without changes.',
          fr: "L'ordre du jour a été adopté sans modification.",
          pt: 'A ordem do dia foi aprovada sem alterações.',
        },
      },
      {
        title: {
          es: 'Plan de trabajo regional sobre movilidad laboral',
          en: 'Regional labour mobility work plan',
          fr: 'Plan de travail régional sur la mobilité de la main-d’œuvre',
          pt: 'Plano de trabalho regional sobre mobilidade laboral',
        },
        purpose: 'decision',
        presenter: 'mx',
        minutes: 60,
        documents: [{ title: 'Draft work plan (v3)', url: 'https://docs.demo.protempore.org/som/labour-work-plan-v3.pdf' }],
        decision: {
          key: 'labour',
          outcome: 'adopted',
          text: {
            es: 'El Consejo aprueba el plan de trabajo regional sobre movilidad laboral y pide a Canadá, México y los Estados Unidos que informen en cada reunión de altos funcionarios sobre las nuevas vías de migración laboral abiertas a trabajadores centroamericanos.',
            en: 'The Council adopts the regional labour mobility work plan and asks Canada, Mexico and the United States to report at each senior officials meeting on the new labour-migration pathways opened to Central American workers.',
            fr: 'Le Conseil adopte le plan de travail régional sur la mobilité de la main-d’œuvre et demande au Canada, au Mexique et aux États-Unis de rendre compte, à chaque réunion des hauts fonctionnaires, des nouvelles voies de migration de travail ouvertes aux travailleurs centraméricains.',
            pt: 'O Conselho aprova o plano de trabalho regional sobre mobilidade laboral e pede ao Canadá, ao México e aos Estados Unidos que informem, em cada reunião de altos funcionários, sobre as novas vias de migração laboral abertas a trabalhadores centro-americanos.',
          },
          positions: [{ participant: 'civil-society', position: 'support', note: 'Pide que los informes incluyan datos desagregados por sexo y edad.' }],
        },
        summary: {
          es: 'México presentó el plan; las delegaciones acordaron informar cada semestre sobre las vías abiertas y las cifras alcanzadas.',
          en: 'Mexico presented the plan; delegations agreed to report every six months on the pathways opened and the figures reached.',
          fr: 'Le Mexique a présenté le plan ; les délégations sont convenues de rendre compte chaque semestre des voies ouvertes et des chiffres atteints.',
          pt: 'O México apresentou o plano; as delegações concordaram em informar semestralmente sobre as vias abertas e os números alcançados.',
        },
      },
      {
        title: {
          es: 'Protección de la niñez en tránsito: mapeo de servicios',
          en: 'Child protection in transit: mapping of services',
          fr: 'Protection des enfants en transit : cartographie des services',
          pt: 'Proteção da infância em trânsito: mapeamento de serviços',
        },
        purpose: 'decision',
        presenter: 'unicef',
        minutes: 45,
        decision: {
          key: 'children',
          outcome: 'adopted',
          text: {
            es: 'El Consejo pide al Grupo de Trabajo sobre Protección, con UNICEF y ACNUR, que mapee los servicios de protección de la niñez a lo largo del corredor migratorio y presente el mapa en la próxima reunión de altos funcionarios.',
            en: 'The Council asks the Working Group on Protection, with UNICEF and UNHCR, to map child-protection services along the migration corridor and to present the map at the next senior officials meeting.',
            fr: 'Le Conseil demande au Groupe de travail sur la protection, avec l’UNICEF et le HCR, de cartographier les services de protection de l’enfance le long du corridor migratoire et de présenter la carte à la prochaine réunion des hauts fonctionnaires.',
            pt: 'O Conselho pede ao Grupo de Trabalho sobre Proteção, com o UNICEF e o ACNUR, que mapeie os serviços de proteção da infância ao longo do corredor migratório e apresente o mapa na próxima reunião de altos funcionários.',
          },
          positions: [{ participant: 'indigenous-council', position: 'concern', note: 'El mapeo debe incluir servicios en lenguas indígenas.' }],
        },
        summary: {
          es: 'UNICEF presentó los primeros datos; varias delegaciones señalaron la falta de albergues especializados en las fronteras.',
          en: 'UNICEF presented the first data; several delegations noted the lack of specialised shelters at the borders.',
          fr: "L'UNICEF a présenté les premières données ; plusieurs délégations ont relevé le manque de foyers spécialisés aux frontières.",
          pt: 'O UNICEF apresentou os primeiros dados; várias delegações apontaram a falta de abrigos especializados nas fronteiras.',
        },
      },
      {
        title: {
          es: 'Desplazamiento por causas climáticas: piloto de microseguros',
          en: 'Climate-related displacement: micro-insurance pilot',
          fr: 'Déplacements liés au climat : projet pilote de micro-assurance',
          pt: 'Deslocamento por causas climáticas: piloto de microsseguros',
        },
        purpose: 'decision',
        presenter: 'iom',
        minutes: 40,
        decision: {
          key: 'climate',
          outcome: 'deferred',
          text: {
            es: 'El Consejo pone en marcha un piloto de microseguros para hogares expuestos a sequías y huracanes en el Corredor Seco centroamericano.',
            en: 'The Council launches a micro-insurance pilot for households exposed to drought and hurricanes in the Central American Dry Corridor.',
            fr: 'Le Conseil lance un projet pilote de micro-assurance pour les ménages exposés à la sécheresse et aux ouragans dans le Corridor sec centraméricain.',
            pt: 'O Conselho lança um piloto de microsseguros para famílias expostas a secas e furacões no Corredor Seco centro-americano.',
          },
        },
        summary: {
          es: 'Se aplazó la decisión hasta contar con la estimación de costos de la OIM y del BID.',
          en: 'The decision was deferred until IOM and the IDB provide a cost estimate.',
          fr: "La décision a été reportée jusqu'à ce que l'OIM et la BID fournissent une estimation des coûts.",
          pt: 'A decisão foi adiada até que a OIM e o BID apresentem uma estimativa de custos.',
        },
      },
      {
        title: {
          es: 'Avance de las recomendaciones clave del Grupo de Trabajo',
          en: "Progress on the Task Force's key recommendations",
          fr: 'Avancement des recommandations clés du Groupe de travail',
          pt: 'Andamento das recomendações-chave da Força-Tarefa',
        },
        purpose: 'information',
        minutes: 30,
      },
      AOB,
    ],
  },
  {
    key: 'upcoming',
    kind: 'working_group',
    body: 'Working Group on Labour Migration',
    title: 'Working Group on Labour Migration — second meeting',
    day: 22,
    hour: 9,
    hours: 7,
    timeZone: 'America/Mexico_City',
    host: 'mx',
    venue: 'Secretaría de Relaciones Exteriores, Ciudad de México',
    onlineUrl: 'https://video.demo.protempore.org/wg-labour-2',
    items: [
      OPENING,
      {
        title: {
          es: 'Vías laborales: cifras de Canadá, México y los Estados Unidos',
          en: 'Labour pathways: figures from Canada, Mexico and the United States',
          fr: 'Voies de migration de travail : chiffres du Canada, du Mexique et des États-Unis',
          pt: 'Vias laborais: números do Canadá, do México e dos Estados Unidos',
        },
        purpose: 'discussion',
        presenter: 'ca',
        minutes: 60,
      },
      {
        title: {
          es: 'Reconocimiento de competencias y títulos de trabajadores centroamericanos',
          en: 'Recognition of the skills and qualifications of Central American workers',
          fr: 'Reconnaissance des compétences et des diplômes des travailleurs centraméricains',
          pt: 'Reconhecimento de competências e diplomas de trabalhadores centro-americanos',
        },
        purpose: 'decision',
        presenter: 'business-council',
        minutes: 45,
        documents: [{ title: 'Skills-recognition framework (draft)', url: 'https://docs.demo.protempore.org/wg-labour/skills-framework-draft.pdf' }],
      },
      {
        // Deliberately without Portuguese: the console shows the council's first language with its marker.
        title: {
          es: 'Contratación ética y cobro de comisiones a los trabajadores',
          en: 'Ethical recruitment and fees charged to workers',
          fr: 'Recrutement éthique et frais facturés aux travailleurs',
        },
        purpose: 'discussion',
        presenter: 'ilo',
        minutes: 45,
      },
      AOB,
    ],
  },
  {
    key: 'planned',
    kind: 'working_group',
    body: 'Working Group on Protection',
    title: 'Working Group on Protection — meeting in San José',
    day: 75,
    hour: 9,
    hours: 7,
    timeZone: 'America/Costa_Rica',
    host: 'cr',
    venue: 'Dirección General de Migración y Extranjería, San José',
    onlineUrl: null,
    items: [
      OPENING,
      {
        title: {
          es: 'Mapa de servicios de protección de la niñez: versión preliminar',
          en: 'Map of child-protection services: preliminary version',
          fr: 'Carte des services de protection de l’enfance : version préliminaire',
          pt: 'Mapa dos serviços de proteção da infância: versão preliminar',
        },
        purpose: 'discussion',
        presenter: 'unicef',
        minutes: 60,
      },
    ],
  },
];

/** The written procedure running now: circulated two days ago, silence until five days from now. */
export const DEMO_SILENCE = {
  body: 'Task Force on Labour Migration Pathways',
  circulatedDaysAgo: 2,
  deadlineInDays: 5,
  text: {
    es: 'El Consejo aprueba los términos de referencia del Grupo Especial sobre Vías de Migración Laboral y le pide que informe en la próxima reunión ministerial.',
    en: 'The Council approves the terms of reference of the Task Force on Labour Migration Pathways and asks it to report at the next ministerial meeting.',
    fr: 'Le Conseil approuve le mandat du Groupe spécial sur les voies de migration de travail et lui demande de faire rapport à la prochaine réunion ministérielle.',
    pt: 'O Conselho aprova os termos de referência da Força-Tarefa sobre Vias de Migração Laboral e pede que informe na próxima reunião ministerial.',
  } as Texts,
  positions: [{ participant: 'business-council', position: 'support' as const, note: 'Ofrecemos compartir datos de demanda de mano de obra por sector.' }],
};

/** Who attended the past meeting (by seed key): all others were absent. */
export const DEMO_PAST_ATTENDANCE: { participant: string; by: 'head' | 'alternate' | 'adviser' }[] = [
  ...['bz', 'ca', 'cr', 'do', 'sv', 'gt', 'hn', 'mx', 'pa', 'us'].map((participant) => ({ participant, by: 'head' as const })),
  { participant: 'migrant-network', by: 'head' },
  { participant: 'civil-society', by: 'head' },
  { participant: 'indigenous-council', by: 'head' },
  { participant: 'unhcr', by: 'head' },
  { participant: 'iom', by: 'head' },
  { participant: 'unicef', by: 'head' },
];

export const DEMO_MINUTES_NOTES: Texts = {
  es: 'La próxima reunión de altos funcionarios examinará el mapa de servicios de protección de la niñez y las cifras de vías laborales.',
  en: 'The next senior officials meeting will examine the map of child-protection services and the labour-pathway figures.',
  fr: 'La prochaine réunion des hauts fonctionnaires examinera la carte des services de protection de l’enfance et les chiffres des voies de migration de travail.',
  pt: 'A próxima reunião de altos funcionários examinará o mapa dos serviços de proteção da infância e os números das vias laborais.',
};

export const DEMO_MINUTES_COMMENT = {
  participant: 'cr',
  text: 'Costa Rica solicita que el resumen del punto 3 mencione los albergues de la frontera sur.',
};
