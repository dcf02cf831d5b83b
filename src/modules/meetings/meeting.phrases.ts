import type { NoticeCatalog } from '../notifications/templates/notices/notice-catalog.js';

/** Notices of a meeting's life: convened, agenda circulated, papers due, cancelled. Vars: councilName, meetingTitle (+ per notice). */
export const MEETING_NOTICES = {
  'meeting.convened': {
    en: {
      subject: 'Convening notice: {{meetingTitle}}',
      intro: 'The secretariat of {{councilName}} convenes the meeting “{{meetingTitle}}”. The invitation is attached.',
      why: 'You receive this message because you are a head of delegation in {{councilName}}.',
      venue: 'Venue',
      onlineLink: 'Link to join',
      agendaDeadline: 'Agenda circulated by',
      papersDeadline: 'Papers due by',
    },
    es: {
      subject: 'Convocatoria: {{meetingTitle}}',
      intro: 'La secretaría de {{councilName}} convoca la reunión «{{meetingTitle}}». Se adjunta la invitación.',
      why: 'Recibe este mensaje porque es jefe o jefa de delegación en {{councilName}}.',
      venue: 'Lugar',
      onlineLink: 'Enlace para participar',
      agendaDeadline: 'Circulación del orden del día a más tardar',
      papersDeadline: 'Documentos a más tardar',
    },
    fr: {
      subject: 'Convocation : {{meetingTitle}}',
      intro: 'Le secrétariat de {{councilName}} convoque la réunion « {{meetingTitle}} ». L’invitation est jointe.',
      why: 'Vous recevez ce message parce que vous êtes chef de délégation au sein de {{councilName}}.',
      venue: 'Lieu',
      onlineLink: 'Lien pour participer',
      agendaDeadline: 'Diffusion de l’ordre du jour au plus tard',
      papersDeadline: 'Documents au plus tard',
    },
    pt: {
      subject: 'Convocação: {{meetingTitle}}',
      intro: 'A secretaria de {{councilName}} convoca a reunião “{{meetingTitle}}”. O convite segue em anexo.',
      why: 'Você recebe esta mensagem porque é chefe de delegação em {{councilName}}.',
      venue: 'Local',
      onlineLink: 'Link para participar',
      agendaDeadline: 'Circulação da pauta até',
      papersDeadline: 'Documentos até',
    },
  },
  'meeting.agenda_circulated': {
    en: {
      subject: 'Agenda circulated: {{meetingTitle}}',
      intro: 'The agenda of “{{meetingTitle}}” ({{councilName}}) has been circulated. It has {{itemCount}} items:',
      why: 'You receive this message because you take part in {{councilName}}.',
      supplementaryDeadline: 'Supplementary items accepted until',
    },
    es: {
      subject: 'Orden del día circulado: {{meetingTitle}}',
      intro: 'Se ha circulado el orden del día de «{{meetingTitle}}» ({{councilName}}). Tiene {{itemCount}} puntos:',
      why: 'Recibe este mensaje porque participa en {{councilName}}.',
      supplementaryDeadline: 'Se aceptan puntos suplementarios hasta',
    },
    fr: {
      subject: 'Ordre du jour diffusé : {{meetingTitle}}',
      intro: 'L’ordre du jour de « {{meetingTitle}} » ({{councilName}}) a été diffusé. Il compte {{itemCount}} points :',
      why: 'Vous recevez ce message parce que vous participez à {{councilName}}.',
      supplementaryDeadline: 'Points supplémentaires acceptés jusqu’au',
    },
    pt: {
      subject: 'Pauta circulada: {{meetingTitle}}',
      intro: 'A pauta de “{{meetingTitle}}” ({{councilName}}) foi circulada. Tem {{itemCount}} itens:',
      why: 'Você recebe esta mensagem porque participa de {{councilName}}.',
      supplementaryDeadline: 'Itens suplementares aceitos até',
    },
  },
  'meeting.papers_due': {
    en: {
      subject: 'Papers due soon: {{meetingTitle}}',
      intro: 'You present items at “{{meetingTitle}}” ({{councilName}}). Their papers are due by the deadline below.',
      why: 'You receive this message because you present an agenda item of this meeting.',
      deadline: 'Papers due by',
      items: 'Your items',
    },
    es: {
      subject: 'Documentos por entregar: {{meetingTitle}}',
      intro: 'Usted presenta puntos en «{{meetingTitle}}» ({{councilName}}). Sus documentos deben entregarse antes del plazo indicado.',
      why: 'Recibe este mensaje porque presenta un punto del orden del día de esta reunión.',
      deadline: 'Documentos a más tardar',
      items: 'Sus puntos',
    },
    fr: {
      subject: 'Documents à remettre : {{meetingTitle}}',
      intro: 'Vous présentez des points à « {{meetingTitle}} » ({{councilName}}). Leurs documents sont attendus avant l’échéance ci-dessous.',
      why: 'Vous recevez ce message parce que vous présentez un point de l’ordre du jour de cette réunion.',
      deadline: 'Documents au plus tard',
      items: 'Vos points',
    },
    pt: {
      subject: 'Documentos a entregar: {{meetingTitle}}',
      intro: 'Você apresenta itens em “{{meetingTitle}}” ({{councilName}}). Os documentos devem ser entregues até o prazo abaixo.',
      why: 'Você recebe esta mensagem porque apresenta um item da pauta desta reunião.',
      deadline: 'Documentos até',
      items: 'Seus itens',
    },
  },
  'meeting.cancelled': {
    en: {
      subject: 'Cancelled: {{meetingTitle}}',
      intro: 'The meeting “{{meetingTitle}}” ({{councilName}}) has been cancelled. Reminders for it will not be sent.',
      why: 'You receive this message because you were invited to this meeting.',
    },
    es: {
      subject: 'Cancelada: {{meetingTitle}}',
      intro: 'La reunión «{{meetingTitle}}» ({{councilName}}) ha sido cancelada. No se enviarán recordatorios.',
      why: 'Recibe este mensaje porque estaba invitado o invitada a esta reunión.',
    },
    fr: {
      subject: 'Annulée : {{meetingTitle}}',
      intro: 'La réunion « {{meetingTitle}} » ({{councilName}}) est annulée. Aucun rappel ne sera envoyé.',
      why: 'Vous recevez ce message parce que vous étiez invité à cette réunion.',
    },
    pt: {
      subject: 'Cancelada: {{meetingTitle}}',
      intro: 'A reunião “{{meetingTitle}}” ({{councilName}}) foi cancelada. Não serão enviados lembretes.',
      why: 'Você recebe esta mensagem porque foi convidado para esta reunião.',
    },
  },
} satisfies NoticeCatalog;
