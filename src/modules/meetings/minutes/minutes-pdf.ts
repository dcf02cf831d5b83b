import { DateTime } from 'luxon';
import { PDF_LANGUAGES, type PdfLanguage, PdfWriter } from '../../../core/pdf/pdf-writer.js';
import { textIn } from '../../../core/text/localized-text.js';
import type { MinutesStatus } from './entities/minutes.entity.js';
import type { MinutesContent } from './minutes-content.js';

/** The words of the printed minutes, per language. */
const L = {
  en: {
    minutes: 'Minutes',
    status: 'Status',
    statuses: { draft: 'Draft', circulated: 'Circulated for comments', approved: 'Approved' },
    approved: 'Approved on',
    commentsUntil: 'Comments until',
    when: 'Date',
    venue: 'Venue',
    online: 'Online',
    chair: 'Chair',
    attendance: 'Attendance',
    delegation: 'Delegation',
    present: 'Present',
    absent: 'Absent',
    represented: 'Represented by',
    items: 'Agenda items',
    purpose: 'Purpose',
    decisions: 'Decisions',
    outcome: 'Outcome',
    proposed: 'Proposed, not closed',
    objections: 'Standing objections',
    positions: 'Positions',
    quorum: 'Quorum',
    summary: 'Summary',
    notes: 'Notes',
    none: 'None.',
    memberStatesPresent: 'member states present of',
    required: 'required',
    outcomes: { adopted: 'Adopted', not_adopted: 'Not adopted', deferred: 'Deferred' },
    purposes: { decision: 'For decision', discussion: 'For discussion', information: 'For information', aob: 'Any other business' },
    itemStatuses: { scheduled: 'Scheduled', withdrawn: 'Withdrawn', carried_forward: 'Carried forward' },
    kinds: { member_state: 'Member state', permanent_participant: 'Permanent participant', observer: 'Observer' },
    roles: { head: 'head of delegation', alternate: 'alternate', adviser: 'adviser' },
    stances: { support: 'support', concern: 'concern', neutral: 'neutral' },
  },
  es: {
    minutes: 'Acta',
    status: 'Estado',
    statuses: { draft: 'Borrador', circulated: 'En circulación para comentarios', approved: 'Aprobada' },
    approved: 'Aprobada el',
    commentsUntil: 'Comentarios hasta',
    when: 'Fecha',
    venue: 'Lugar',
    online: 'En línea',
    chair: 'Presidencia',
    attendance: 'Asistencia',
    delegation: 'Delegación',
    present: 'Presente',
    absent: 'Ausente',
    represented: 'Representada por',
    items: 'Puntos del orden del día',
    purpose: 'Finalidad',
    decisions: 'Decisiones',
    outcome: 'Resultado',
    proposed: 'Propuesta, sin cerrar',
    objections: 'Objeciones vigentes',
    positions: 'Posiciones',
    quorum: 'Quórum',
    summary: 'Resumen',
    notes: 'Notas',
    none: 'Ninguna.',
    memberStatesPresent: 'Estados miembros presentes de',
    required: 'requeridos',
    outcomes: { adopted: 'Adoptada', not_adopted: 'No adoptada', deferred: 'Aplazada' },
    purposes: { decision: 'Para decisión', discussion: 'Para debate', information: 'Para información', aob: 'Otros asuntos' },
    itemStatuses: { scheduled: 'Programado', withdrawn: 'Retirado', carried_forward: 'Trasladado' },
    kinds: { member_state: 'Estado miembro', permanent_participant: 'Participante permanente', observer: 'Observador' },
    roles: { head: 'jefatura de delegación', alternate: 'suplente', adviser: 'asesoría' },
    stances: { support: 'apoyo', concern: 'reserva', neutral: 'neutral' },
  },
  fr: {
    minutes: 'Procès-verbal',
    status: 'Statut',
    statuses: { draft: 'Projet', circulated: 'Diffusé pour commentaires', approved: 'Approuvé' },
    approved: 'Approuvé le',
    commentsUntil: 'Commentaires jusqu’au',
    when: 'Date',
    venue: 'Lieu',
    online: 'En ligne',
    chair: 'Présidence',
    attendance: 'Participation',
    delegation: 'Délégation',
    present: 'Présente',
    absent: 'Absente',
    represented: 'Représentée par',
    items: 'Points de l’ordre du jour',
    purpose: 'Objet',
    decisions: 'Décisions',
    outcome: 'Résultat',
    proposed: 'Proposée, non close',
    objections: 'Objections maintenues',
    positions: 'Positions',
    quorum: 'Quorum',
    summary: 'Résumé',
    notes: 'Notes',
    none: 'Aucune.',
    memberStatesPresent: 'États membres présents sur',
    required: 'requis',
    outcomes: { adopted: 'Adoptée', not_adopted: 'Non adoptée', deferred: 'Reportée' },
    purposes: { decision: 'Pour décision', discussion: 'Pour discussion', information: 'Pour information', aob: 'Questions diverses' },
    itemStatuses: { scheduled: 'Inscrit', withdrawn: 'Retiré', carried_forward: 'Reporté' },
    kinds: { member_state: 'État membre', permanent_participant: 'Participant permanent', observer: 'Observateur' },
    roles: { head: 'chef de délégation', alternate: 'suppléant', adviser: 'conseiller' },
    stances: { support: 'soutien', concern: 'réserve', neutral: 'neutre' },
  },
  pt: {
    minutes: 'Ata',
    status: 'Situação',
    statuses: { draft: 'Rascunho', circulated: 'Em circulação para comentários', approved: 'Aprovada' },
    approved: 'Aprovada em',
    commentsUntil: 'Comentários até',
    when: 'Data',
    venue: 'Local',
    online: 'On-line',
    chair: 'Presidência',
    attendance: 'Presenças',
    delegation: 'Delegação',
    present: 'Presente',
    absent: 'Ausente',
    represented: 'Representada por',
    items: 'Itens da pauta',
    purpose: 'Finalidade',
    decisions: 'Decisões',
    outcome: 'Resultado',
    proposed: 'Proposta, não encerrada',
    objections: 'Objeções mantidas',
    positions: 'Posições',
    quorum: 'Quórum',
    summary: 'Resumo',
    notes: 'Notas',
    none: 'Nenhuma.',
    memberStatesPresent: 'Estados-membros presentes de',
    required: 'exigidos',
    outcomes: { adopted: 'Adotada', not_adopted: 'Não adotada', deferred: 'Adiada' },
    purposes: { decision: 'Para decisão', discussion: 'Para debate', information: 'Para informação', aob: 'Outros assuntos' },
    itemStatuses: { scheduled: 'Programado', withdrawn: 'Retirado', carried_forward: 'Transferido' },
    kinds: { member_state: 'Estado-membro', permanent_participant: 'Participante permanente', observer: 'Observador' },
    roles: { head: 'chefe de delegação', alternate: 'suplente', adviser: 'assessor' },
    stances: { support: 'apoio', concern: 'reserva', neutral: 'neutra' },
  },
} as const;

export interface MinutesPdfInput {
  status: MinutesStatus;
  content: MinutesContent;
  commentDeadline: Date | null;
  approvedAt: Date | null;
}

/** The language of the printed minutes: the one asked for, else the first working language they were drafted in. */
export function minutesLanguage(content: MinutesContent, lang: PdfLanguage | undefined): PdfLanguage {
  if (lang) return lang;
  const first = content.languages.find((l): l is PdfLanguage => (PDF_LANGUAGES as readonly string[]).includes(l));
  return first ?? 'en';
}

/** In the meeting's zone, with the zone named: "2026-03-10 09:00 (America/Mexico_City)". */
const local = (iso: string | Date, zone: string) => `${DateTime.fromJSDate(new Date(iso), { zone }).toFormat('yyyy-MM-dd HH:mm')} (${zone})`;

/** The minutes as a PDF: the meeting, attendance, each item with its decisions and summary, the notes. */
export function renderMinutesPdf(m: MinutesPdfInput, lang: PdfLanguage): Promise<Buffer> {
  const t = L[lang];
  const c = m.content;
  const zone = c.meeting.timeZone;
  const text = (texts: Record<string, string>) => textIn(texts, lang);
  const title = `${t.minutes} — ${c.meeting.title}`;
  const w = new PdfWriter({ title, language: lang });

  w.title(title);
  w.fields([
    [t.status, t.statuses[m.status]],
    ...(m.approvedAt ? [[t.approved, local(m.approvedAt, zone)] as [string, string]] : []),
    ...(m.status === 'circulated' && m.commentDeadline ? [[t.commentsUntil, local(m.commentDeadline, zone)] as [string, string]] : []),
    [t.when, `${local(c.meeting.startsAt, zone)} – ${DateTime.fromJSDate(new Date(c.meeting.endsAt), { zone }).toFormat('HH:mm')}`],
    ...(c.meeting.venue ? [[t.venue, c.meeting.venue] as [string, string]] : []),
    ...(c.meeting.onlineUrl ? [[t.online, c.meeting.onlineUrl] as [string, string]] : []),
    ...(c.meeting.chair ? [[t.chair, c.meeting.chair.name] as [string, string]] : []),
  ]);

  w.heading(t.attendance);
  if (c.attendance.length === 0) w.paragraph(t.none, { muted: true, italic: true });
  else
    w.table(
      [
        { header: t.delegation, width: 3 },
        { header: '', width: 2 },
        { header: '', width: 1.2 },
        { header: t.represented, width: 2 },
      ],
      c.attendance.map((a) => ({
        cells: [a.delegationName, t.kinds[a.participantKind], a.present ? t.present : t.absent, a.representedBy ? t.roles[a.representedBy] : ''],
      })),
    );

  w.heading(t.items);
  for (const item of c.items) {
    w.heading(`${item.position}. ${text(item.title)}`, 3);
    w.paragraph(`${t.purposes[item.purpose]}${item.status === 'scheduled' ? '' : ` · ${t.itemStatuses[item.status]}`}`, { muted: true });
    for (const d of item.decisions) {
      const outcome = d.outcome ? t.outcomes[d.outcome] : t.proposed;
      w.paragraph(`${t.outcome}: ${outcome} — ${text(d.text)}`, { bold: true });
      if (d.quorum)
        w.paragraph(
          `${t.quorum}: ${d.quorum.memberStatesPresent} ${t.memberStatesPresent} ${d.quorum.activeMemberStates} (${d.quorum.required} ${t.required})`,
          { muted: true },
        );
      if (d.objections.length)
        w.paragraph(`${t.objections}:`).bullets(
          d.objections.map((o) => `${o.delegationName}: ${o.reason}`),
          t.none,
        );
      if (d.positions.length)
        w.paragraph(`${t.positions}:`).bullets(
          d.positions.map((p) => `${p.delegationName} (${t.stances[p.position]})${p.note ? `: ${p.note}` : ''}`),
          t.none,
        );
    }
    const summary = text(item.summary);
    if (summary) w.paragraph(`${t.summary}:`, { bold: true }).paragraph(summary);
  }
  if (c.items.length === 0) w.paragraph(t.none, { muted: true, italic: true });

  const notes = text(c.notes);
  if (notes) w.heading(t.notes).paragraph(notes);
  return w.toBuffer();
}
