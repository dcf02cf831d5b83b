import type { EntityManager } from 'typeorm';
import type { Texts } from './demo-clock.js';
import { DEMO_MEETINGS, DEMO_SILENCE } from './demo-meetings.data.js';
import type { SeededMeetings } from './demo-meetings.js';
import type { DemoRefs } from './demo-refs.js';
import { DEMO_WORK_ITEMS } from './demo-work.data.js';
import type { SeededWork } from './demo-work.js';

type Lang = 'es' | 'en' | 'fr' | 'pt';
type Notice = 'convened' | 'agenda' | 'minutes' | 'silence' | 'due_soon' | 'overdue' | 'dossier';

/** The outbox kind each demo notice stands for (what the worker would have put in the inbox). */
const KIND: Record<Notice, string> = {
  convened: 'meeting.convened',
  agenda: 'meeting.agenda_circulated',
  minutes: 'minutes.approved',
  silence: 'silence.circulated',
  due_soon: 'action_item.due_soon',
  overdue: 'action_item.overdue',
  dossier: 'handover.dossier_due',
};

/** Title and body of each notice per language; `s` is the subject (a meeting's or an item's title). */
const TEXTS: Record<Notice, Record<Lang, (s: string) => [string, string]>> = {
  convened: {
    es: (s) => [`Reunión convocada: ${s}`, `La Secretaría ha convocado la reunión «${s}». El orden del día se circulará antes del plazo.`],
    en: (s) => [`Meeting convened: ${s}`, `The secretariat has convened "${s}". The agenda will be circulated before its deadline.`],
    fr: (s) => [`Réunion convoquée : ${s}`, `Le secrétariat a convoqué la réunion « ${s} ». L'ordre du jour sera diffusé avant la date limite.`],
    pt: (s) => [`Reunião convocada: ${s}`, `O Secretariado convocou a reunião «${s}». A ordem do dia será circulada antes do prazo.`],
  },
  agenda: {
    es: (s) => [
      `Orden del día circulado: ${s}`,
      `El orden del día de «${s}» está disponible. Se pueden proponer puntos suplementarios hasta 72 horas antes del inicio.`,
    ],
    en: (s) => [`Agenda circulated: ${s}`, `The agenda of "${s}" is available. Supplementary items may be proposed until 72 hours before the start.`],
    fr: (s) => [
      `Ordre du jour diffusé : ${s}`,
      `L'ordre du jour de « ${s} » est disponible. Des points supplémentaires peuvent être proposés jusqu'à 72 heures avant le début.`,
    ],
    pt: (s) => [
      `Ordem do dia circulada: ${s}`,
      `A ordem do dia de «${s}» está disponível. Podem ser propostos pontos suplementares até 72 horas antes do início.`,
    ],
  },
  minutes: {
    es: (s) => [`Acta aprobada: ${s}`, `El acta de «${s}» fue aprobada y ya es pública.`],
    en: (s) => [`Minutes approved: ${s}`, `The minutes of "${s}" have been approved and are now public.`],
    fr: (s) => [`Procès-verbal approuvé : ${s}`, `Le procès-verbal de « ${s} » a été approuvé et il est désormais public.`],
    pt: (s) => [`Ata aprovada: ${s}`, `A ata de «${s}» foi aprovada e já é pública.`],
  },
  silence: {
    es: (s) => [
      'Procedimiento de silencio en curso',
      `Se circuló por escrito una propuesta de decisión: «${s}». Si su delegación no rompe el silencio antes del plazo, quedará adoptada.`,
    ],
    en: (s) => [
      'Silence procedure under way',
      `A draft decision was circulated in writing: "${s}". Unless your delegation breaks silence before the deadline, it will be adopted.`,
    ],
    fr: (s) => [
      'Procédure d’approbation tacite en cours',
      `Un projet de décision a été diffusé par écrit : « ${s} ». Sauf si votre délégation rompt le silence avant la date limite, il sera adopté.`,
    ],
    pt: (s) => [
      'Procedimento de silêncio em curso',
      `Uma proposta de decisão foi circulada por escrito: «${s}». Se a sua delegação não romper o silêncio antes do prazo, será adotada.`,
    ],
  },
  due_soon: {
    es: (s) => [`Vence pronto: ${s}`, `La acción «${s}» vence en pocos días. Informe del avance o márquela como terminada.`],
    en: (s) => [`Due soon: ${s}`, `The action item "${s}" is due in a few days. Report progress or mark it done.`],
    fr: (s) => [`Échéance proche : ${s}`, `L'action « ${s} » arrive à échéance dans quelques jours. Indiquez l'avancement ou marquez-la comme terminée.`],
    pt: (s) => [`Vence em breve: ${s}`, `A ação «${s}» vence em poucos dias. Informe o andamento ou marque-a como concluída.`],
  },
  overdue: {
    es: (s) => [`Vencida: ${s}`, `La acción «${s}» pasó su fecha límite. Informe del avance o pida un nuevo plazo a la Secretaría.`],
    en: (s) => [`Overdue: ${s}`, `The action item "${s}" is past its due date. Report progress or ask the secretariat for a new date.`],
    fr: (s) => [`En retard : ${s}`, `L'action « ${s} » a dépassé son échéance. Indiquez l'avancement ou demandez un nouveau délai au secrétariat.`],
    pt: (s) => [`Vencida: ${s}`, `A ação «${s}» passou do prazo. Informe o andamento ou peça um novo prazo ao Secretariado.`],
  },
  dossier: {
    es: (s) => [
      'Expediente de traspaso presentado',
      `El expediente de traspaso de la presidencia de ${s} fue presentado. La presidencia entrante debe acusar recibo de cada entrada.`,
    ],
    en: (s) => ['Handover dossier submitted', `The handover dossier of the ${s} presidency has been submitted. The incoming chair acknowledges each entry.`],
    fr: (s) => [
      'Dossier de passation remis',
      `Le dossier de passation de la présidence ${s} a été remis. La présidence entrante en accuse réception entrée par entrée.`,
    ],
    pt: (s) => [
      'Dossiê de transmissão apresentado',
      `O dossiê de transmissão da presidência de ${s} foi apresentado. A presidência entrante confirma o recebimento de cada entrada.`,
    ],
  },
};

export interface DemoNotification {
  userId: string;
  language: string;
  notice: Notice;
  subjectType: string;
  subjectId: string;
  at: Date;
  read: boolean;
  vars: { title?: Texts; holder?: string | null; text?: string };
}

const lang = (l: string): Lang => (['es', 'en', 'fr', 'pt'].includes(l) ? (l as Lang) : 'en');
const pick = (t: Texts | undefined, l: Lang): string => t?.[l] ?? t?.es ?? t?.en ?? '';

/** Inbox rows (the `notifications` table the worker fills), in each recipient's language. */
export async function insertDemoNotifications(em: EntityManager, councilId: string, rows: DemoNotification[]): Promise<number> {
  if (rows.length === 0) return 0;
  const values = rows.map((r) => {
    const l = lang(r.language);
    const subject = r.vars.holder ?? r.vars.text ?? pick(r.vars.title, l);
    const [title, body] = TEXTS[r.notice][l](subject);
    return {
      userId: r.userId,
      councilId,
      kind: KIND[r.notice],
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      title,
      body,
      at: r.at.toISOString(),
      read: r.read,
    };
  });
  // One row at a time, oldest first: the inbox is ordered by id (an INSERT … SELECT … ORDER BY may number rows before sorting them).
  values.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  for (const v of values) {
    await em.query(
      `INSERT INTO notifications (user_id, council_id, kind, subject_type, subject_id, title, body, created_at, read_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $9::boolean THEN $8::timestamptz + interval '2 hours' END)`,
      [v.userId, v.councilId, v.kind, v.subjectType, v.subjectId, v.title, v.body, v.at, v.read],
    );
  }
  return values.length;
}

/**
 * The demo delegates' inboxes: every member state's head and alternate got the meeting notices and the silence
 * procedure; the owners' heads got the due-soon and overdue reminders of their items. Older ones are read.
 */
export async function seedDemoInbox(em: EntityManager, refs: DemoRefs, seeded: SeededMeetings, work: SeededWork): Promise<number> {
  const accounts = (await em.query(`SELECT u.id, u.preferred_language AS language FROM users u WHERE u.id = ANY($1::uuid[])`, [
    refs
      .allParticipants()
      .flatMap((p) => [p.headUserId, p.alternateUserId])
      .filter((id) => id !== null),
  ])) as { id: string; language: string }[];
  const languageOf = new Map(accounts.map((a) => [a.id, a.language]));
  const rows: DemoNotification[] = [];
  const add = (userId: string | null, n: Omit<DemoNotification, 'userId' | 'language'>) => {
    if (userId !== null && languageOf.has(userId)) rows.push({ userId, language: languageOf.get(userId)!, ...n });
  };
  const past = DEMO_MEETINGS.find((m) => m.key === 'past')!;
  const upcoming = DEMO_MEETINGS.find((m) => m.key === 'upcoming')!;
  for (const p of refs.allParticipants().filter((x) => x.kind === 'member_state')) {
    for (const userId of [p.headUserId, p.alternateUserId]) {
      const head = userId === p.headUserId;
      add(userId, {
        notice: 'convened',
        subjectType: 'meeting',
        subjectId: seeded.meetings.upcoming,
        at: refs.clock.at(-38),
        read: true,
        vars: { text: upcoming.title },
      });
      add(userId, {
        notice: 'minutes',
        subjectType: 'meeting',
        subjectId: seeded.meetings.past,
        at: refs.clock.at(-5),
        read: !head,
        vars: { text: past.title },
      });
      add(userId, {
        notice: 'agenda',
        subjectType: 'meeting',
        subjectId: seeded.meetings.upcoming,
        at: refs.clock.at(-4),
        read: false,
        vars: { text: upcoming.title },
      });
      add(userId, {
        notice: 'silence',
        subjectType: 'decision',
        subjectId: seeded.silenceId,
        at: refs.clock.at(-2),
        read: false,
        vars: { title: DEMO_SILENCE.text },
      });
    }
  }
  const reminders: { key: string; notice: Notice; day: number; read: boolean }[] = [
    { key: 'mx-visas', notice: 'due_soon', day: -5, read: true },
    { key: 'mx-skills-comments', notice: 'due_soon', day: -0.1, read: false },
    { key: 'mx-report-chapter', notice: 'overdue', day: -10, read: true },
    { key: 'mx-relocation', notice: 'overdue', day: -3, read: false },
    { key: 'gt-shelters', notice: 'overdue', day: -5, read: false },
    { key: 'hn-experts', notice: 'overdue', day: -2, read: false },
    { key: 'us-visas', notice: 'due_soon', day: -5, read: false },
  ];
  for (const r of reminders) {
    const item = DEMO_WORK_ITEMS.find((i) => i.key === r.key)!;
    if (!('participant' in item.owner) || work[r.key] === undefined) continue;
    add(refs.participant(item.owner.participant).headUserId, {
      notice: r.notice,
      subjectType: 'action_item',
      subjectId: work[r.key]!,
      at: refs.clock.at(r.day),
      read: r.read,
      vars: { title: item.title },
    });
  }
  return insertDemoNotifications(em, refs.councilId, rows);
}
