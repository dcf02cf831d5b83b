import type { NoticeCatalog } from '../../notifications/templates/notices/notice-catalog.js';

/**
 * Notices of a meeting's minutes: circulated for comments, comment deadline near (to the heads of the delegations
 * that have not commented), approved and published. Vars: councilName, meetingTitle (+ itemCount when circulated).
 */
export const MINUTES_NOTICES = {
  'minutes.circulated': {
    en: {
      subject: 'Minutes circulated for comments: {{meetingTitle}}',
      intro: 'The draft minutes of “{{meetingTitle}}” ({{councilName}}) have been circulated for comments. They cover {{itemCount}} agenda items:',
      why: 'You receive this message because you are a head of delegation in {{councilName}}.',
      deadline: 'Comments accepted until',
      meetingDate: 'Meeting held on',
      link: 'Read the draft minutes and comment (sign-in required)',
    },
    es: {
      subject: 'Acta circulada para comentarios: {{meetingTitle}}',
      intro: 'Se ha circulado el proyecto de acta de «{{meetingTitle}}» ({{councilName}}) para comentarios. Abarca {{itemCount}} puntos del orden del día:',
      why: 'Recibe este mensaje porque es jefe o jefa de delegación en {{councilName}}.',
      deadline: 'Se aceptan comentarios hasta',
      meetingDate: 'Reunión celebrada el',
      link: 'Leer el proyecto de acta y comentarlo (requiere iniciar sesión)',
    },
    fr: {
      subject: 'Procès-verbal diffusé pour commentaires : {{meetingTitle}}',
      intro:
        'Le projet de procès-verbal de « {{meetingTitle}} » ({{councilName}}) a été diffusé pour commentaires. Il couvre {{itemCount}} points de l’ordre du jour :',
      why: 'Vous recevez ce message parce que vous êtes chef de délégation au sein de {{councilName}}.',
      deadline: 'Commentaires acceptés jusqu’au',
      meetingDate: 'Réunion tenue le',
      link: 'Lire le projet de procès-verbal et le commenter (connexion requise)',
    },
    pt: {
      subject: 'Ata circulada para comentários: {{meetingTitle}}',
      intro: 'O projeto de ata de “{{meetingTitle}}” ({{councilName}}) foi circulado para comentários. Abrange {{itemCount}} itens da pauta:',
      why: 'Você recebe esta mensagem porque é chefe de delegação em {{councilName}}.',
      deadline: 'Comentários aceitos até',
      meetingDate: 'Reunião realizada em',
      link: 'Ler o projeto de ata e comentar (requer login)',
    },
  },
  'minutes.comment_deadline': {
    en: {
      subject: 'Comments on the minutes close soon: {{meetingTitle}}',
      intro: 'Comments on the draft minutes of “{{meetingTitle}}” ({{councilName}}) close at the deadline below. Your delegation has not commented yet.',
      why: 'You receive this message because you are a head of delegation in {{councilName}} and your delegation has not commented on these minutes.',
      deadline: 'Comments accepted until',
      link: 'Read the draft minutes and comment (sign-in required)',
    },
    es: {
      subject: 'Se cierra el plazo de comentarios al acta: {{meetingTitle}}',
      intro: 'Los comentarios al proyecto de acta de «{{meetingTitle}}» ({{councilName}}) se cierran en el plazo indicado. Su delegación aún no ha comentado.',
      why: 'Recibe este mensaje porque es jefe o jefa de delegación en {{councilName}} y su delegación no ha comentado esta acta.',
      deadline: 'Se aceptan comentarios hasta',
      link: 'Leer el proyecto de acta y comentarlo (requiere iniciar sesión)',
    },
    fr: {
      subject: 'Fin prochaine des commentaires sur le procès-verbal : {{meetingTitle}}',
      intro:
        'Les commentaires sur le projet de procès-verbal de « {{meetingTitle}} » ({{councilName}}) sont clos à l’échéance ci-dessous. Votre délégation n’a pas encore commenté.',
      why: 'Vous recevez ce message parce que vous êtes chef de délégation au sein de {{councilName}} et que votre délégation n’a pas commenté ce procès-verbal.',
      deadline: 'Commentaires acceptés jusqu’au',
      link: 'Lire le projet de procès-verbal et le commenter (connexion requise)',
    },
    pt: {
      subject: 'O prazo para comentar a ata termina em breve: {{meetingTitle}}',
      intro: 'Os comentários ao projeto de ata de “{{meetingTitle}}” ({{councilName}}) encerram no prazo abaixo. Sua delegação ainda não comentou.',
      why: 'Você recebe esta mensagem porque é chefe de delegação em {{councilName}} e sua delegação não comentou esta ata.',
      deadline: 'Comentários aceitos até',
      link: 'Ler o projeto de ata e comentar (requer login)',
    },
  },
  'minutes.approved': {
    en: {
      subject: 'Minutes approved: {{meetingTitle}}',
      intro: 'The minutes of “{{meetingTitle}}” ({{councilName}}) have been approved. They are now public, with the decisions adopted at the meeting.',
      why: 'You receive this message because you are a head of delegation in {{councilName}}.',
      approvedAt: 'Approved on',
      meetingDate: 'Meeting held on',
      link: 'Read the approved minutes',
    },
    es: {
      subject: 'Acta aprobada: {{meetingTitle}}',
      intro: 'Se ha aprobado el acta de «{{meetingTitle}}» ({{councilName}}). Ya es pública, junto con las decisiones adoptadas en la reunión.',
      why: 'Recibe este mensaje porque es jefe o jefa de delegación en {{councilName}}.',
      approvedAt: 'Aprobada el',
      meetingDate: 'Reunión celebrada el',
      link: 'Leer el acta aprobada',
    },
    fr: {
      subject: 'Procès-verbal approuvé : {{meetingTitle}}',
      intro:
        'Le procès-verbal de « {{meetingTitle}} » ({{councilName}}) a été approuvé. Il est désormais public, avec les décisions adoptées lors de la réunion.',
      why: 'Vous recevez ce message parce que vous êtes chef de délégation au sein de {{councilName}}.',
      approvedAt: 'Approuvé le',
      meetingDate: 'Réunion tenue le',
      link: 'Lire le procès-verbal approuvé',
    },
    pt: {
      subject: 'Ata aprovada: {{meetingTitle}}',
      intro: 'A ata de “{{meetingTitle}}” ({{councilName}}) foi aprovada. Agora é pública, com as decisões adotadas na reunião.',
      why: 'Você recebe esta mensagem porque é chefe de delegação em {{councilName}}.',
      approvedAt: 'Aprovada em',
      meetingDate: 'Reunião realizada em',
      link: 'Ler a ata aprovada',
    },
  },
} satisfies NoticeCatalog;
