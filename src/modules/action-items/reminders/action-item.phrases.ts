import type { NoticeCatalog } from '../../notifications/templates/notices/notice-catalog.js';

/**
 * Notices of action items: acknowledgement requested, due soon, overdue (owner and head of delegation), escalated
 * (body lead and chair). Vars: councilName, itemTitle, ownerName, dueDate (YYYY-MM-DD, the council's calendar),
 * days (days left before the due date, or days past it).
 */
export const ACTION_ITEM_NOTICES = {
  'action_item.acknowledge_requested': {
    en: {
      subject: 'Please acknowledge the action item: {{itemTitle}}',
      intro:
        'The action item “{{itemTitle}}” was assigned to {{ownerName}} in {{councilName}} and has not been acknowledged yet. Please acknowledge it, so the council knows it is in hand.',
      why: 'You receive this message because you are in charge of this item, or a head or alternate of the delegation that owns it.',
      owner: 'Owner',
      due: 'Due on',
      link: 'Open the action item (sign-in required)',
    },
    es: {
      subject: 'Confirme la acción asignada: {{itemTitle}}',
      intro:
        'La acción «{{itemTitle}}» fue asignada a {{ownerName}} en {{councilName}} y aún no ha sido confirmada. Confírmela, para que el consejo sepa que está en marcha.',
      why: 'Recibe este mensaje porque es responsable de esta acción, o jefe o suplente de la delegación a la que pertenece.',
      owner: 'Responsable',
      due: 'Vence el',
      link: 'Abrir la acción (requiere iniciar sesión)',
    },
    fr: {
      subject: 'Veuillez accuser réception de l’action : {{itemTitle}}',
      intro:
        'L’action « {{itemTitle}} » a été confiée à {{ownerName}} au sein de {{councilName}} et n’a pas encore fait l’objet d’un accusé de réception. Veuillez la confirmer, afin que le conseil sache qu’elle est prise en charge.',
      why: 'Vous recevez ce message parce que vous êtes chargé de cette action, ou chef ou suppléant de la délégation à laquelle elle revient.',
      owner: 'Responsable',
      due: 'Échéance le',
      link: 'Ouvrir l’action (connexion requise)',
    },
    pt: {
      subject: 'Confirme o item de ação: {{itemTitle}}',
      intro:
        'O item de ação “{{itemTitle}}” foi atribuído a {{ownerName}} em {{councilName}} e ainda não foi confirmado. Confirme-o, para que o conselho saiba que está em andamento.',
      why: 'Você recebe esta mensagem porque é responsável por este item, ou chefe ou suplente da delegação a que ele pertence.',
      owner: 'Responsável',
      due: 'Vence em',
      link: 'Abrir o item de ação (requer login)',
    },
  },
  'action_item.due_soon': {
    en: {
      subject: 'Action item due in {{days}} days: {{itemTitle}}',
      intro: 'The action item “{{itemTitle}}” of {{ownerName}} ({{councilName}}) is due on {{dueDate}}, in {{days}} days.',
      why: 'You receive this message because you are in charge of this item, or a head or alternate of the delegation that owns it.',
      owner: 'Owner',
      due: 'Due on',
      link: 'Open the action item and report progress (sign-in required)',
    },
    es: {
      subject: 'Acción que vence en {{days}} días: {{itemTitle}}',
      intro: 'La acción «{{itemTitle}}» de {{ownerName}} ({{councilName}}) vence el {{dueDate}}, dentro de {{days}} días.',
      why: 'Recibe este mensaje porque es responsable de esta acción, o jefe o suplente de la delegación a la que pertenece.',
      owner: 'Responsable',
      due: 'Vence el',
      link: 'Abrir la acción e informar del avance (requiere iniciar sesión)',
    },
    fr: {
      subject: 'Action à échéance dans {{days}} jours : {{itemTitle}}',
      intro: 'L’action « {{itemTitle}} » de {{ownerName}} ({{councilName}}) arrive à échéance le {{dueDate}}, dans {{days}} jours.',
      why: 'Vous recevez ce message parce que vous êtes chargé de cette action, ou chef ou suppléant de la délégation à laquelle elle revient.',
      owner: 'Responsable',
      due: 'Échéance le',
      link: 'Ouvrir l’action et rendre compte de l’avancement (connexion requise)',
    },
    pt: {
      subject: 'Item de ação vence em {{days}} dias: {{itemTitle}}',
      intro: 'O item de ação “{{itemTitle}}” de {{ownerName}} ({{councilName}}) vence em {{dueDate}}, dentro de {{days}} dias.',
      why: 'Você recebe esta mensagem porque é responsável por este item, ou chefe ou suplente da delegação a que ele pertence.',
      owner: 'Responsável',
      due: 'Vence em',
      link: 'Abrir o item de ação e informar o progresso (requer login)',
    },
  },
  'action_item.overdue': {
    en: {
      subject: 'Overdue action item: {{itemTitle}}',
      intro: 'The action item “{{itemTitle}}” of {{ownerName}} ({{councilName}}) was due on {{dueDate}} and is {{days}} days overdue.',
      why: 'You receive this message because you are in charge of this item, or the head of the delegation that owns it.',
      owner: 'Owner',
      due: 'Was due on',
      link: 'Open the action item (sign-in required)',
    },
    es: {
      subject: 'Acción vencida: {{itemTitle}}',
      intro: 'La acción «{{itemTitle}}» de {{ownerName}} ({{councilName}}) vencía el {{dueDate}} y lleva {{days}} días de retraso.',
      why: 'Recibe este mensaje porque es responsable de esta acción, o jefe de la delegación a la que pertenece.',
      owner: 'Responsable',
      due: 'Vencía el',
      link: 'Abrir la acción (requiere iniciar sesión)',
    },
    fr: {
      subject: 'Action en retard : {{itemTitle}}',
      intro: 'L’action « {{itemTitle}} » de {{ownerName}} ({{councilName}}) était due le {{dueDate}} et a {{days}} jours de retard.',
      why: 'Vous recevez ce message parce que vous êtes chargé de cette action, ou chef de la délégation à laquelle elle revient.',
      owner: 'Responsable',
      due: 'Échéance le',
      link: 'Ouvrir l’action (connexion requise)',
    },
    pt: {
      subject: 'Item de ação em atraso: {{itemTitle}}',
      intro: 'O item de ação “{{itemTitle}}” de {{ownerName}} ({{councilName}}) vencia em {{dueDate}} e está {{days}} dias em atraso.',
      why: 'Você recebe esta mensagem porque é responsável por este item, ou chefe da delegação a que ele pertence.',
      owner: 'Responsável',
      due: 'Vencia em',
      link: 'Abrir o item de ação (requer login)',
    },
  },
  'action_item.escalated': {
    en: {
      subject: 'Escalated: action item {{days}} days overdue: {{itemTitle}}',
      intro:
        'The action item “{{itemTitle}}” of {{ownerName}} ({{councilName}}) was due on {{dueDate}} and is now {{days}} days overdue. It is escalated to the lead of its body and to the chair.',
      why: 'You receive this message because you are a head of the delegation leading the body concerned, or of the delegation holding the presidency.',
      owner: 'Owner',
      due: 'Was due on',
      link: 'Open the action item (sign-in required)',
    },
    es: {
      subject: 'Escalada: acción con {{days}} días de retraso: {{itemTitle}}',
      intro:
        'La acción «{{itemTitle}}» de {{ownerName}} ({{councilName}}) vencía el {{dueDate}} y lleva ya {{days}} días de retraso. Se eleva a quien lidera su órgano y a la presidencia.',
      why: 'Recibe este mensaje porque es jefe de la delegación que lidera el órgano correspondiente, o de la delegación que ejerce la presidencia.',
      owner: 'Responsable',
      due: 'Vencía el',
      link: 'Abrir la acción (requiere iniciar sesión)',
    },
    fr: {
      subject: 'Signalement : action en retard de {{days}} jours : {{itemTitle}}',
      intro:
        'L’action « {{itemTitle}} » de {{ownerName}} ({{councilName}}) était due le {{dueDate}} et a maintenant {{days}} jours de retard. Elle est signalée au chef de file de son organe et à la présidence.',
      why: 'Vous recevez ce message parce que vous êtes chef de la délégation qui dirige l’organe concerné, ou de celle qui exerce la présidence.',
      owner: 'Responsable',
      due: 'Échéance le',
      link: 'Ouvrir l’action (connexion requise)',
    },
    pt: {
      subject: 'Escalado: item de ação com {{days}} dias de atraso: {{itemTitle}}',
      intro:
        'O item de ação “{{itemTitle}}” de {{ownerName}} ({{councilName}}) vencia em {{dueDate}} e já está {{days}} dias em atraso. Ele é escalado para quem lidera seu órgão e para a presidência.',
      why: 'Você recebe esta mensagem porque é chefe da delegação que lidera o órgão em questão, ou da delegação que exerce a presidência.',
      owner: 'Responsável',
      due: 'Vencia em',
      link: 'Abrir o item de ação (requer login)',
    },
  },
} satisfies NoticeCatalog;
