import type { NoticeCatalog } from '../../notifications/templates/notices/notice-catalog.js';

/**
 * Notices of the silence procedure (decisions taken in writing between meetings). Vars: councilName; silence.broken
 * adds delegationName. Rows: deadline (an instant), concerning (a body), decision (the text, for the secretariat),
 * brokenBy (delegation names), reference (the decision id).
 */
export const SILENCE_NOTICES = {
  'silence.circulated': {
    en: {
      subject: 'Silence procedure: decision circulated in writing ({{councilName}})',
      intro:
        '{{councilName}} circulates the decision below under the silence procedure. It is adopted at the deadline unless a member state breaks silence before it.',
      why: 'You receive this message because you are a head of delegation in {{councilName}}.',
      deadline: 'Silence deadline',
      concerning: 'Concerning',
      reference: 'Reference',
    },
    es: {
      subject: 'Procedimiento de silencio: decisión circulada por escrito ({{councilName}})',
      intro:
        '{{councilName}} circula la decisión siguiente por procedimiento de silencio. Queda adoptada al vencer el plazo, salvo que un Estado miembro rompa el silencio antes.',
      why: 'Recibe este mensaje porque es jefe o jefa de delegación en {{councilName}}.',
      deadline: 'Plazo del silencio',
      concerning: 'Relativa a',
      reference: 'Referencia',
    },
    fr: {
      subject: 'Procédure d’approbation tacite : décision diffusée par écrit ({{councilName}})',
      intro:
        '{{councilName}} diffuse la décision ci-dessous selon la procédure d’approbation tacite. Elle est adoptée à l’échéance, sauf si un État membre rompt le silence avant.',
      why: 'Vous recevez ce message parce que vous êtes chef de délégation au sein de {{councilName}}.',
      deadline: 'Échéance du silence',
      concerning: 'Concerne',
      reference: 'Référence',
    },
    pt: {
      subject: 'Procedimento de silêncio: decisão circulada por escrito ({{councilName}})',
      intro:
        '{{councilName}} circula a decisão abaixo pelo procedimento de silêncio. Ela é adotada no prazo, a menos que um Estado membro quebre o silêncio antes.',
      why: 'Você recebe esta mensagem porque é chefe de delegação em {{councilName}}.',
      deadline: 'Prazo do silêncio',
      concerning: 'Referente a',
      reference: 'Referência',
    },
  },
  'silence.broken': {
    en: {
      subject: 'Silence broken by {{delegationName}} ({{councilName}})',
      intro:
        '{{delegationName}} has broken silence on a decision circulated in writing in {{councilName}}, for the reason below. Unless the break is withdrawn before the deadline, the decision will not be adopted.',
      why: 'You receive this message because you are on the secretariat of {{councilName}}.',
      decision: 'Decision',
      deadline: 'Silence deadline',
      reference: 'Reference',
    },
    es: {
      subject: '{{delegationName}} rompe el silencio ({{councilName}})',
      intro:
        '{{delegationName}} ha roto el silencio sobre una decisión circulada por escrito en {{councilName}}, por el motivo siguiente. Salvo que retire la ruptura antes del plazo, la decisión no será adoptada.',
      why: 'Recibe este mensaje porque forma parte de la secretaría de {{councilName}}.',
      decision: 'Decisión',
      deadline: 'Plazo del silencio',
      reference: 'Referencia',
    },
    fr: {
      subject: 'Silence rompu par {{delegationName}} ({{councilName}})',
      intro:
        '{{delegationName}} a rompu le silence sur une décision diffusée par écrit au sein de {{councilName}}, pour le motif ci-dessous. Sauf retrait avant l’échéance, la décision ne sera pas adoptée.',
      why: 'Vous recevez ce message parce que vous faites partie du secrétariat de {{councilName}}.',
      decision: 'Décision',
      deadline: 'Échéance du silence',
      reference: 'Référence',
    },
    pt: {
      subject: 'Silêncio quebrado por {{delegationName}} ({{councilName}})',
      intro:
        '{{delegationName}} quebrou o silêncio sobre uma decisão circulada por escrito em {{councilName}}, pelo motivo abaixo. A menos que a quebra seja retirada antes do prazo, a decisão não será adotada.',
      why: 'Você recebe esta mensagem porque faz parte da secretaria de {{councilName}}.',
      decision: 'Decisão',
      deadline: 'Prazo do silêncio',
      reference: 'Referência',
    },
  },
  'silence.adopted': {
    en: {
      subject: 'Adopted by silence procedure ({{councilName}})',
      intro: 'No member state broke silence before the deadline: {{councilName}} has adopted the decision below.',
      why: 'You receive this message because you are a head of delegation in {{councilName}}.',
      deadline: 'Adopted at the deadline',
      concerning: 'Concerning',
      reference: 'Reference',
    },
    es: {
      subject: 'Adoptada por procedimiento de silencio ({{councilName}})',
      intro: 'Ningún Estado miembro rompió el silencio antes del plazo: {{councilName}} ha adoptado la decisión siguiente.',
      why: 'Recibe este mensaje porque es jefe o jefa de delegación en {{councilName}}.',
      deadline: 'Adoptada al vencer el plazo',
      concerning: 'Relativa a',
      reference: 'Referencia',
    },
    fr: {
      subject: 'Adoptée par procédure d’approbation tacite ({{councilName}})',
      intro: 'Aucun État membre n’a rompu le silence avant l’échéance : {{councilName}} a adopté la décision ci-dessous.',
      why: 'Vous recevez ce message parce que vous êtes chef de délégation au sein de {{councilName}}.',
      deadline: 'Adoptée à l’échéance',
      concerning: 'Concerne',
      reference: 'Référence',
    },
    pt: {
      subject: 'Adotada por procedimento de silêncio ({{councilName}})',
      intro: 'Nenhum Estado membro quebrou o silêncio antes do prazo: {{councilName}} adotou a decisão abaixo.',
      why: 'Você recebe esta mensagem porque é chefe de delegação em {{councilName}}.',
      deadline: 'Adotada no prazo',
      concerning: 'Referente a',
      reference: 'Referência',
    },
  },
  'silence.not_adopted': {
    en: {
      subject: 'Silence broken: decision not adopted ({{councilName}})',
      intro: 'Silence was broken before the deadline: the decision below, circulated in writing in {{councilName}}, is not adopted.',
      why: 'You receive this message because you are a head of delegation in {{councilName}}.',
      brokenBy: 'Silence broken by',
      deadline: 'Silence deadline',
      concerning: 'Concerning',
      reference: 'Reference',
    },
    es: {
      subject: 'Silencio roto: decisión no adoptada ({{councilName}})',
      intro: 'Se rompió el silencio antes del plazo: la decisión siguiente, circulada por escrito en {{councilName}}, no queda adoptada.',
      why: 'Recibe este mensaje porque es jefe o jefa de delegación en {{councilName}}.',
      brokenBy: 'Silencio roto por',
      deadline: 'Plazo del silencio',
      concerning: 'Relativa a',
      reference: 'Referencia',
    },
    fr: {
      subject: 'Silence rompu : décision non adoptée ({{councilName}})',
      intro: 'Le silence a été rompu avant l’échéance : la décision ci-dessous, diffusée par écrit au sein de {{councilName}}, n’est pas adoptée.',
      why: 'Vous recevez ce message parce que vous êtes chef de délégation au sein de {{councilName}}.',
      brokenBy: 'Silence rompu par',
      deadline: 'Échéance du silence',
      concerning: 'Concerne',
      reference: 'Référence',
    },
    pt: {
      subject: 'Silêncio quebrado: decisão não adotada ({{councilName}})',
      intro: 'O silêncio foi quebrado antes do prazo: a decisão abaixo, circulada por escrito em {{councilName}}, não foi adotada.',
      why: 'Você recebe esta mensagem porque é chefe de delegação em {{councilName}}.',
      brokenBy: 'Silêncio quebrado por',
      deadline: 'Prazo do silêncio',
      concerning: 'Referente a',
      reference: 'Referência',
    },
  },
} satisfies NoticeCatalog;
