import type { Texts } from './demo-clock.js';

/**
 * The demo council's work in hand: action items in every status, with their history (status changes and
 * progress reports with percent and red/amber/green), due dates spread around today — some overdue, some due
 * within days. Mexico's delegation (head.mx@…) has one item in each status. Days are relative to the seed date.
 */

export type DemoStatus = 'open' | 'acknowledged' | 'in_progress' | 'blocked' | 'done' | 'verified' | 'cancelled';

export type DemoStep =
  { day: number; to: DemoStatus; reason?: string } | { day: number; progress: number; rag: 'red' | 'amber' | 'green'; text: string; link?: string };

export interface DemoWorkItem {
  key: string;
  owner: { participant: string } | { body: string } | { presidency: true };
  /** The owner's head of delegation is the person in charge. */
  headInCharge?: boolean;
  /** A decision of the past meeting (by key), or one of the meetings, or nothing. */
  source: { decision: string } | { meeting: 'past' | 'upcoming' } | null;
  recommendation?: number;
  createdDay: number;
  dueDay: number;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  title: Texts;
  description?: Texts;
  steps: DemoStep[];
}

const LINK = 'https://docs.demo.protempore.org';

export const DEMO_WORK_ITEMS: DemoWorkItem[] = [
  // ── Mexico: one item in each status ──
  {
    key: 'mx-visas',
    owner: { participant: 'mx' },
    headInCharge: true,
    source: { decision: 'labour' },
    recommendation: 5,
    createdDay: -24,
    dueDay: 9,
    priority: 'high',
    title: {
      es: 'Informar sobre las visas de trabajo temporal emitidas a trabajadores centroamericanos',
      en: 'Report on temporary work visas issued to Central American workers',
      fr: 'Rendre compte des visas de travail temporaire délivrés aux travailleurs centraméricains',
      pt: 'Informar sobre os vistos de trabalho temporário emitidos a trabalhadores centro-americanos',
    },
    steps: [
      { day: -21, to: 'acknowledged' },
      { day: -18, to: 'in_progress' },
      { day: -14, progress: 30, rag: 'green', text: 'Datos del primer trimestre recibidos del Instituto Nacional de Migración.' },
      {
        day: -3,
        progress: 60,
        rag: 'green',
        text: 'Borrador del informe listo; falta la validación de la Secretaría del Trabajo.',
        link: `${LINK}/mx/visas-borrador.pdf`,
      },
    ],
  },
  {
    key: 'mx-skills-comments',
    owner: { participant: 'mx' },
    source: { meeting: 'upcoming' },
    recommendation: 5,
    createdDay: -4,
    dueDay: 3,
    // Deliberately without French: the console shows the council's first language (Spanish) with its marker.
    title: {
      es: 'Enviar comentarios al borrador del marco de reconocimiento de competencias',
      en: 'Send comments on the draft skills-recognition framework',
      pt: 'Enviar comentários ao rascunho do marco de reconhecimento de competências',
    },
    steps: [],
  },
  {
    key: 'mx-host',
    owner: { participant: 'mx' },
    source: { meeting: 'upcoming' },
    createdDay: -38,
    dueDay: 15,
    title: {
      es: 'Preparar la sede de la segunda reunión del Grupo de Trabajo sobre Migración Laboral',
      en: 'Prepare the venue of the second meeting of the Working Group on Labour Migration',
      fr: 'Préparer le lieu de la deuxième réunion du Groupe de travail sur la migration de travail',
      pt: 'Preparar a sede da segunda reunião do Grupo de Trabalho sobre Migração Laboral',
    },
    steps: [{ day: -30, to: 'acknowledged' }],
  },
  {
    key: 'mx-relocation',
    owner: { participant: 'mx' },
    headInCharge: true,
    source: { decision: 'children' },
    recommendation: 4,
    createdDay: -24,
    dueDay: -4,
    priority: 'high',
    title: {
      es: 'Actualizar las cifras del programa de reubicación interna para el mapa de protección',
      en: 'Update the internal relocation programme figures for the protection map',
      fr: 'Mettre à jour les chiffres du programme de relocalisation interne pour la carte de la protection',
      pt: 'Atualizar os números do programa de realocação interna para o mapa de proteção',
    },
    steps: [
      { day: -22, to: 'acknowledged' },
      { day: -20, to: 'in_progress' },
      { day: -12, progress: 25, rag: 'amber', text: 'Se recibieron los datos de 5 de los 7 estados participantes.' },
      { day: -6, to: 'blocked', reason: 'Faltan los datos de dos gobiernos estatales; la COMAR los solicitó por oficio.' },
      { day: -6, progress: 25, rag: 'red', text: 'Sin los datos de Chiapas y Tabasco no se puede cerrar el informe.' },
    ],
  },
  {
    key: 'mx-consulates',
    owner: { participant: 'mx' },
    source: { decision: 'labour' },
    recommendation: 5,
    createdDay: -24,
    dueDay: -8,
    title: {
      es: 'Enviar la lista de consulados mexicanos que ofrecen orientación sobre movilidad laboral',
      en: 'Send the list of Mexican consulates offering labour-mobility counselling',
      fr: 'Envoyer la liste des consulats mexicains offrant des conseils en mobilité de la main-d’œuvre',
      pt: 'Enviar a lista de consulados mexicanos que oferecem orientação sobre mobilidade laboral',
    },
    steps: [
      { day: -23, to: 'acknowledged' },
      { day: -20, to: 'in_progress' },
      { day: -10, progress: 100, rag: 'green', text: 'Lista enviada a la Secretaría: 14 consulados en Centroamérica.', link: `${LINK}/mx/consulados.xlsx` },
      { day: -10, to: 'done' },
    ],
  },
  {
    key: 'mx-focal-point',
    owner: { participant: 'mx' },
    source: { decision: 'children' },
    recommendation: 3,
    createdDay: -24,
    dueDay: -15,
    title: {
      es: 'Designar un punto focal nacional para la protección de la niñez en tránsito',
      en: 'Designate a national focal point for child protection in transit',
      fr: 'Désigner un point focal national pour la protection des enfants en transit',
      pt: 'Designar um ponto focal nacional para a proteção da infância em trânsito',
    },
    steps: [
      { day: -23, to: 'acknowledged' },
      { day: -22, to: 'in_progress' },
      { day: -17, progress: 100, rag: 'green', text: 'El SIPINNA designó a su Dirección de Protección Especial como punto focal.' },
      { day: -17, to: 'done' },
      { day: -10, to: 'verified' },
    ],
  },
  {
    key: 'mx-remittances',
    owner: { participant: 'mx' },
    source: null,
    recommendation: 10,
    createdDay: -60,
    dueDay: 30,
    priority: 'low',
    title: {
      es: 'Organizar un evento paralelo sobre remesas en la conferencia regional',
      en: 'Organise a side event on remittances at the regional conference',
      fr: 'Organiser un événement parallèle sur les envois de fonds lors de la conférence régionale',
      pt: 'Organizar um evento paralelo sobre remessas na conferência regional',
    },
    steps: [
      { day: -55, to: 'acknowledged' },
      { day: -9, to: 'cancelled', reason: 'La conferencia regional fue pospuesta; la Secretaría propondrá una nueva fecha.' },
    ],
  },
  {
    key: 'mx-report-chapter',
    owner: { participant: 'mx' },
    source: null,
    recommendation: 12,
    createdDay: -50,
    dueDay: -11,
    title: {
      es: 'Redactar el capítulo sobre movilidad laboral del primer informe anual del Consejo',
      en: "Draft the labour-mobility chapter of the Council's first annual report",
      fr: 'Rédiger le chapitre sur la mobilité de la main-d’œuvre du premier rapport annuel du Conseil',
      pt: 'Redigir o capítulo sobre mobilidade laboral do primeiro relatório anual do Conselho',
    },
    steps: [
      { day: -45, to: 'acknowledged' },
      { day: -40, to: 'in_progress' },
      { day: -7, progress: 45, rag: 'amber', text: 'Primer borrador en revisión interna; se pidió una semana más a la Secretaría.' },
    ],
  },
  // ── Other delegations, bodies and the presidency ──
  {
    key: 'us-visas',
    owner: { participant: 'us' },
    source: { decision: 'labour' },
    recommendation: 5,
    createdDay: -24,
    dueDay: 9,
    priority: 'high',
    title: {
      es: 'Informar sobre las visas H-2A y H-2B emitidas a trabajadores centroamericanos',
      en: 'Report on H-2A and H-2B visas issued to Central American workers',
      fr: 'Rendre compte des visas H-2A et H-2B délivrés aux travailleurs centraméricains',
      pt: 'Informar sobre os vistos H-2A e H-2B emitidos a trabalhadores centro-americanos',
    },
    steps: [{ day: -20, to: 'acknowledged' }],
  },
  {
    key: 'ca-quota',
    owner: { participant: 'ca' },
    source: { decision: 'labour' },
    recommendation: 5,
    createdDay: -24,
    dueDay: -1,
    title: {
      es: 'Publicar el cupo del programa de trabajadores agrícolas temporales para Centroamérica',
      en: 'Publish the seasonal agricultural worker quota for Central America',
      fr: 'Publier le contingent du programme des travailleurs agricoles saisonniers pour l’Amérique centrale',
      pt: 'Publicar a cota do programa de trabalhadores agrícolas sazonais para a América Central',
    },
    steps: [
      { day: -22, to: 'acknowledged' },
      { day: -21, to: 'in_progress' },
      { day: -2, progress: 100, rag: 'green', text: 'Quota published: 6,500 places for Guatemala, Honduras and El Salvador.', link: `${LINK}/ca/quota.html` },
      { day: -2, to: 'done' },
    ],
  },
  {
    key: 'wg-protection-map',
    owner: { body: 'Working Group on Protection' },
    source: { decision: 'children' },
    recommendation: 3,
    createdDay: -24,
    dueDay: 45,
    title: {
      es: 'Mapear los servicios de protección de la niñez a lo largo del corredor migratorio',
      en: 'Map child-protection services along the migration corridor',
      fr: 'Cartographier les services de protection de l’enfance le long du corridor migratoire',
      pt: 'Mapear os serviços de proteção da infância ao longo do corredor migratório',
    },
    steps: [
      { day: -20, to: 'acknowledged' },
      { day: -19, to: 'in_progress' },
      { day: -5, progress: 40, rag: 'amber', text: 'Services mapped in Costa Rica, Honduras and Panama; Guatemala and Mexico pending.' },
    ],
  },
  {
    key: 'gt-shelters',
    owner: { participant: 'gt' },
    source: { decision: 'children' },
    recommendation: 3,
    createdDay: -24,
    dueDay: -6,
    title: {
      es: 'Compartir la lista de albergues para niñez en la frontera entre Guatemala y México',
      en: 'Share the list of child shelters on the Guatemala–Mexico border',
      fr: 'Partager la liste des foyers pour enfants à la frontière entre le Guatemala et le Mexique',
      pt: 'Compartilhar a lista de abrigos para crianças na fronteira entre a Guatemala e o México',
    },
    steps: [
      { day: -21, to: 'acknowledged' },
      { day: -18, to: 'in_progress' },
      { day: -8, to: 'blocked', reason: 'A la espera del convenio de intercambio de datos con la Procuraduría General de la Nación.' },
      { day: -8, progress: 20, rag: 'red', text: 'Lista preliminar de 9 albergues; falta autorización para compartirla.' },
    ],
  },
  {
    key: 'hn-experts',
    owner: { participant: 'hn' },
    source: { decision: 'children' },
    recommendation: 3,
    createdDay: -24,
    dueDay: -3,
    title: {
      es: 'Nombrar expertos para la evaluación regional de protección de la niñez',
      en: 'Nominate experts for the regional child-protection assessment',
      fr: "Désigner des experts pour l'évaluation régionale de la protection de l'enfance",
      pt: 'Indicar especialistas para a avaliação regional de proteção da infância',
    },
    steps: [],
  },
  {
    key: 'iom-pilot',
    owner: { participant: 'iom' },
    source: { meeting: 'past' },
    recommendation: 11,
    createdDay: -24,
    dueDay: 60,
    title: {
      es: 'Estimar el costo del piloto de microseguros para hogares desplazados por el clima',
      en: 'Estimate the cost of the micro-insurance pilot for climate-displaced households',
      fr: 'Estimer le coût du projet pilote de micro-assurance pour les ménages déplacés par le climat',
      pt: 'Estimar o custo do piloto de microsseguros para famílias deslocadas pelo clima',
    },
    steps: [
      { day: -20, to: 'acknowledged' },
      { day: -15, to: 'in_progress' },
      { day: -6, progress: 25, rag: 'green', text: 'Se contrató a la consultora actuarial; primer informe en tres semanas.' },
    ],
  },
  {
    key: 'cs-women-network',
    owner: { participant: 'civil-society' },
    source: null,
    recommendation: 2,
    createdDay: -40,
    dueDay: 50,
    title: {
      es: 'Convocar la red regional de organizaciones de mujeres',
      en: "Convene the regional network of women's organisations",
      fr: 'Réunir le réseau régional des organisations de femmes',
      pt: 'Convocar a rede regional de organizações de mulheres',
    },
    steps: [{ day: -35, to: 'acknowledged' }],
  },
  {
    key: 'presidency-report',
    owner: { presidency: true },
    source: null,
    recommendation: 1,
    createdDay: -90,
    dueDay: 25,
    priority: 'high',
    title: {
      es: 'Preparar el informe de la presidencia pro tempore para el traspaso',
      en: 'Prepare the pro tempore presidency report for the handover',
      fr: 'Préparer le rapport de la présidence pro tempore pour la passation',
      pt: 'Preparar o relatório da presidência pro tempore para a transmissão',
    },
    steps: [
      { day: -85, to: 'acknowledged' },
      { day: -60, to: 'in_progress' },
      { day: -10, progress: 50, rag: 'amber', text: 'Chapters on meetings and decisions drafted; the action-item annex is pending.' },
    ],
  },
  {
    key: 'presidency-ministerial',
    owner: { presidency: true },
    source: null,
    recommendation: 1,
    createdDay: -30,
    dueDay: 20,
    priority: 'urgent',
    title: {
      es: 'Convocar la reunión ministerial de traspaso de la presidencia',
      en: 'Convene the ministerial meeting that hands over the presidency',
      fr: 'Convoquer la réunion ministérielle de passation de la présidence',
      pt: 'Convocar a reunião ministerial de transmissão da presidência',
    },
    steps: [],
  },
];
