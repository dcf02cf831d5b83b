import type { MessageLanguage } from '../../notifications/templates/message-kinds.js';
import type { NoticeCatalog, NoticePhrases } from '../../notifications/templates/notices/notice-catalog.js';

/**
 * Notices of the presidency handover timeline, to the outgoing chair (heads of the holder's delegation), the
 * incoming chair (heads of the successor's delegation, when a successor term is entered) and the secretariat.
 * Vars: councilName, outgoingName, incomingName (the successor, or the phrase noSuccessorName).
 * Rows: termEnds (an instant), outgoing, incoming, successorUnknown (the phrase noSuccessor, when no successor
 * term is entered: the incoming chair is then not among the recipients), next (what to do now).
 */
const LABELS: Record<MessageLanguage, Record<string, string>> = {
  en: {
    termEnds: 'The term ends',
    outgoing: 'Outgoing presidency',
    incoming: 'Incoming presidency',
    successorUnknown: 'Successor',
    noSuccessor: 'No successor term has been entered yet: the incoming chair does not receive this message.',
    noSuccessorName: 'a successor not yet designated',
    next: 'Next step',
  },
  es: {
    termEnds: 'El mandato termina',
    outgoing: 'Presidencia saliente',
    incoming: 'Presidencia entrante',
    successorUnknown: 'Sucesor',
    noSuccessor: 'Aún no se ha registrado el mandato sucesor: la presidencia entrante no recibe este mensaje.',
    noSuccessorName: 'un sucesor aún no designado',
    next: 'Próximo paso',
  },
  fr: {
    termEnds: 'Le mandat se termine',
    outgoing: 'Présidence sortante',
    incoming: 'Présidence entrante',
    successorUnknown: 'Successeur',
    noSuccessor: 'Aucun mandat successeur n’est encore enregistré : la présidence entrante ne reçoit pas ce message.',
    noSuccessorName: 'un successeur non encore désigné',
    next: 'Prochaine étape',
  },
  pt: {
    termEnds: 'O mandato termina',
    outgoing: 'Presidência cessante',
    incoming: 'Presidência entrante',
    successorUnknown: 'Sucessor',
    noSuccessor: 'Ainda não foi registrado o mandato sucessor: a presidência entrante não recebe esta mensagem.',
    noSuccessorName: 'um sucessor ainda não designado',
    next: 'Próximo passo',
  },
};

const WHY: Record<MessageLanguage, string> = {
  en: 'You receive this message because you are a head of delegation of the outgoing or incoming presidency, or on the secretariat, of {{councilName}}.',
  es: 'Recibe este mensaje porque es jefe o jefa de delegación de la presidencia saliente o entrante, o forma parte de la secretaría, de {{councilName}}.',
  fr: 'Vous recevez ce message parce que vous êtes chef de délégation de la présidence sortante ou entrante, ou membre du secrétariat, de {{councilName}}.',
  pt: 'Você recebe esta mensagem porque é chefe de delegação da presidência cessante ou entrante, ou faz parte da secretaria, de {{councilName}}.',
};

type Stage = { subject: string; intro: string; nextStep: string };

function notice(stages: Record<MessageLanguage, Stage>): Record<MessageLanguage, NoticePhrases> {
  const out = {} as Record<MessageLanguage, NoticePhrases>;
  for (const lang of ['en', 'es', 'fr', 'pt'] as const) {
    const s = stages[lang];
    out[lang] = { subject: s.subject, intro: s.intro, why: WHY[lang], ...LABELS[lang], nextStepText: s.nextStep };
  }
  return out;
}

export const HANDOVER_NOTICES = {
  'handover.first_reminder': notice({
    en: {
      subject: 'Presidency handover: one year to go ({{councilName}})',
      intro:
        'The presidency of {{councilName}} passes from {{outgoingName}} to {{incomingName}} at the end of the term below. The handover timeline starts now.',
      nextStep: 'Agree on a troika meeting and on the handover plan.',
    },
    es: {
      subject: 'Traspaso de la presidencia: falta un año ({{councilName}})',
      intro:
        'La presidencia de {{councilName}} pasa de {{outgoingName}} a {{incomingName}} al final del mandato indicado. El calendario del traspaso comienza ahora.',
      nextStep: 'Acordar una reunión de la troika y el plan de traspaso.',
    },
    fr: {
      subject: 'Passation de la présidence : plus qu’un an ({{councilName}})',
      intro:
        'La présidence de {{councilName}} passe de {{outgoingName}} à {{incomingName}} à la fin du mandat ci-dessous. Le calendrier de passation commence.',
      nextStep: 'Convenir d’une réunion de la troïka et du plan de passation.',
    },
    pt: {
      subject: 'Transmissão da presidência: falta um ano ({{councilName}})',
      intro:
        'A presidência de {{councilName}} passa de {{outgoingName}} para {{incomingName}} no fim do mandato abaixo. O calendário da transmissão começa agora.',
      nextStep: 'Acordar uma reunião da troika e o plano de transmissão.',
    },
  }),
  'handover.priorities_due': notice({
    en: {
      subject: 'Presidency handover: the incoming chair presents its priorities ({{councilName}})',
      intro:
        '{{incomingName}} takes over the presidency of {{councilName}} from {{outgoingName}} at the end of the term below, and now presents its priorities.',
      nextStep: 'The incoming chair enters and presents its priorities for its term.',
    },
    es: {
      subject: 'Traspaso de la presidencia: la presidencia entrante presenta sus prioridades ({{councilName}})',
      intro: '{{incomingName}} asume la presidencia de {{councilName}} tras {{outgoingName}} al final del mandato indicado, y presenta ahora sus prioridades.',
      nextStep: 'La presidencia entrante registra y presenta sus prioridades para su mandato.',
    },
    fr: {
      subject: 'Passation de la présidence : la présidence entrante présente ses priorités ({{councilName}})',
      intro:
        '{{incomingName}} succède à {{outgoingName}} à la présidence de {{councilName}} à la fin du mandat ci-dessous, et présente maintenant ses priorités.',
      nextStep: 'La présidence entrante saisit et présente ses priorités pour son mandat.',
    },
    pt: {
      subject: 'Transmissão da presidência: a presidência entrante apresenta suas prioridades ({{councilName}})',
      intro:
        '{{incomingName}} assume a presidência de {{councilName}} depois de {{outgoingName}} no fim do mandato abaixo, e apresenta agora suas prioridades.',
      nextStep: 'A presidência entrante registra e apresenta suas prioridades para o mandato.',
    },
  }),
  'handover.dossier_due': notice({
    en: {
      subject: 'Presidency handover: the handover dossier is assembled ({{councilName}})',
      intro:
        'The handover dossier of {{outgoingName}}, presidency of {{councilName}}, is assembled for {{incomingName}}: open action items, pending decisions, meetings, bodies and contacts.',
      nextStep: 'The outgoing chair reviews, refreshes and submits the dossier; the incoming chair then acknowledges it entry by entry.',
    },
    es: {
      subject: 'Traspaso de la presidencia: el expediente de traspaso está listo ({{councilName}})',
      intro:
        'El expediente de traspaso de {{outgoingName}}, presidencia de {{councilName}}, está preparado para {{incomingName}}: acciones abiertas, decisiones pendientes, reuniones, órganos y contactos.',
      nextStep: 'La presidencia saliente revisa, actualiza y presenta el expediente; la entrante lo acusa recibo punto por punto.',
    },
    fr: {
      subject: 'Passation de la présidence : le dossier de passation est constitué ({{councilName}})',
      intro:
        'Le dossier de passation de {{outgoingName}}, présidence de {{councilName}}, est constitué pour {{incomingName}} : actions ouvertes, décisions en attente, réunions, organes et contacts.',
      nextStep: 'La présidence sortante revoit, actualise et remet le dossier ; la présidence entrante en accuse réception point par point.',
    },
    pt: {
      subject: 'Transmissão da presidência: o dossiê de transmissão está pronto ({{councilName}})',
      intro:
        'O dossiê de transmissão de {{outgoingName}}, presidência de {{councilName}}, está pronto para {{incomingName}}: ações em aberto, decisões pendentes, reuniões, órgãos e contatos.',
      nextStep: 'A presidência cessante revisa, atualiza e entrega o dossiê; a entrante confirma o recebimento item por item.',
    },
  }),
  'handover.final_reminder': notice({
    en: {
      subject: 'Presidency handover: one month to go ({{councilName}})',
      intro: 'The presidency of {{councilName}} passes from {{outgoingName}} to {{incomingName}} at the end of the term below.',
      nextStep: 'Submit the handover dossier if not done yet, and prepare the handover meeting.',
    },
    es: {
      subject: 'Traspaso de la presidencia: falta un mes ({{councilName}})',
      intro: 'La presidencia de {{councilName}} pasa de {{outgoingName}} a {{incomingName}} al final del mandato indicado.',
      nextStep: 'Presentar el expediente de traspaso si aún no se ha hecho, y preparar la reunión de traspaso.',
    },
    fr: {
      subject: 'Passation de la présidence : plus qu’un mois ({{councilName}})',
      intro: 'La présidence de {{councilName}} passe de {{outgoingName}} à {{incomingName}} à la fin du mandat ci-dessous.',
      nextStep: 'Remettre le dossier de passation si ce n’est pas fait, et préparer la réunion de passation.',
    },
    pt: {
      subject: 'Transmissão da presidência: falta um mês ({{councilName}})',
      intro: 'A presidência de {{councilName}} passa de {{outgoingName}} para {{incomingName}} no fim do mandato abaixo.',
      nextStep: 'Entregar o dossiê de transmissão, se ainda não foi feito, e preparar a reunião de transmissão.',
    },
  }),
} satisfies NoticeCatalog;
