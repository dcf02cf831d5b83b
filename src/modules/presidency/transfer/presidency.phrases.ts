import type { NoticeCatalog } from '../../notifications/templates/notices/notice-catalog.js';

/**
 * Notices of the presidency's succession. Vars: councilName; transferred: fromHolder, toHolder; extended and
 * no_successor: holder. Rows: boundary/from/until/termEnds/deadline (instants), itemsMoved (a count).
 */
export const PRESIDENCY_NOTICES = {
  'presidency.transferred': {
    en: {
      subject: 'The presidency of {{councilName}} passes from {{fromHolder}} to {{toHolder}}',
      intro:
        'The presidency of {{councilName}} has passed from {{fromHolder}} to {{toHolder}}. The open action items of the presidency were carried over to the new presidency.',
      why: 'You receive this message because you are a head of delegation or on the secretariat of {{councilName}}.',
      boundary: 'Handover',
      until: 'New term ends',
      itemsMoved: 'Action items carried over',
    },
    es: {
      subject: 'La presidencia de {{councilName}} pasa de {{fromHolder}} a {{toHolder}}',
      intro:
        'La presidencia de {{councilName}} ha pasado de {{fromHolder}} a {{toHolder}}. Las acciones abiertas de la presidencia se trasladaron a la nueva presidencia.',
      why: 'Recibe este mensaje porque es jefe o jefa de delegación o forma parte de la secretaría de {{councilName}}.',
      boundary: 'Traspaso',
      until: 'Fin del nuevo mandato',
      itemsMoved: 'Acciones trasladadas',
    },
    fr: {
      subject: 'La présidence de {{councilName}} passe de {{fromHolder}} à {{toHolder}}',
      intro:
        'La présidence de {{councilName}} est passée de {{fromHolder}} à {{toHolder}}. Les actions ouvertes de la présidence ont été reportées sur la nouvelle présidence.',
      why: 'Vous recevez ce message parce que vous êtes chef de délégation ou membre du secrétariat de {{councilName}}.',
      boundary: 'Passation',
      until: 'Fin du nouveau mandat',
      itemsMoved: 'Actions reportées',
    },
    pt: {
      subject: 'A presidência de {{councilName}} passa de {{fromHolder}} para {{toHolder}}',
      intro:
        'A presidência de {{councilName}} passou de {{fromHolder}} para {{toHolder}}. As ações abertas da presidência foram transferidas para a nova presidência.',
      why: 'Você recebe esta mensagem porque é chefe de delegação ou integra a secretaria de {{councilName}}.',
      boundary: 'Transmissão',
      until: 'Fim do novo mandato',
      itemsMoved: 'Ações transferidas',
    },
  },
  'presidency.extended': {
    en: {
      subject: 'The presidency of {{holder}} is extended ({{councilName}})',
      intro:
        'No successor to the presidency of {{councilName}} has been determined. The presidency of {{holder}} is extended for the period below, until the council decides.',
      why: 'You receive this message because you are a head of delegation of a member state or on the secretariat of {{councilName}}.',
      from: 'Extended from',
      until: 'Until',
    },
    es: {
      subject: 'Se prorroga la presidencia de {{holder}} ({{councilName}})',
      intro:
        'No se ha determinado sucesor para la presidencia de {{councilName}}. La presidencia de {{holder}} se prorroga por el período indicado, hasta que el consejo decida.',
      why: 'Recibe este mensaje porque es jefe o jefa de delegación de un Estado miembro o forma parte de la secretaría de {{councilName}}.',
      from: 'Prorrogada desde',
      until: 'Hasta',
    },
    fr: {
      subject: 'La présidence de {{holder}} est prolongée ({{councilName}})',
      intro:
        'Aucun successeur à la présidence de {{councilName}} n’a été déterminé. La présidence de {{holder}} est prolongée pour la période ci-dessous, jusqu’à ce que le conseil décide.',
      why: 'Vous recevez ce message parce que vous êtes chef de délégation d’un État membre ou membre du secrétariat de {{councilName}}.',
      from: 'Prolongée à partir du',
      until: 'Jusqu’au',
    },
    pt: {
      subject: 'A presidência de {{holder}} é prorrogada ({{councilName}})',
      intro:
        'Nenhum sucessor para a presidência de {{councilName}} foi determinado. A presidência de {{holder}} é prorrogada pelo período abaixo, até que o conselho decida.',
      why: 'Você recebe esta mensagem porque é chefe de delegação de um Estado membro ou integra a secretaria de {{councilName}}.',
      from: 'Prorrogada a partir de',
      until: 'Até',
    },
  },
  'presidency.no_successor': {
    en: {
      subject: 'No successor to the presidency of {{holder}} ({{councilName}})',
      intro:
        'No successor to the presidency of {{holder}} in {{councilName}} is known, and one should be by now. The system does not pick one: the council must designate a successor (or the next term be recorded).',
      why: 'You receive this message because you are a head of delegation of a member state or on the secretariat of {{councilName}}.',
      termEnds: 'Current term ends',
      deadline: 'A successor was due by',
    },
    es: {
      subject: 'Sin sucesor para la presidencia de {{holder}} ({{councilName}})',
      intro:
        'No se conoce sucesor para la presidencia de {{holder}} en {{councilName}}, y ya debería conocerse. El sistema no elige a nadie: el consejo debe designar un sucesor (o registrarse el próximo mandato).',
      why: 'Recibe este mensaje porque es jefe o jefa de delegación de un Estado miembro o forma parte de la secretaría de {{councilName}}.',
      termEnds: 'Fin del mandato actual',
      deadline: 'El sucesor debía conocerse a más tardar',
    },
    fr: {
      subject: 'Aucun successeur à la présidence de {{holder}} ({{councilName}})',
      intro:
        'Aucun successeur à la présidence de {{holder}} au sein de {{councilName}} n’est connu, alors qu’il devrait l’être. Le système n’en choisit aucun : le conseil doit désigner un successeur (ou le prochain mandat être enregistré).',
      why: 'Vous recevez ce message parce que vous êtes chef de délégation d’un État membre ou membre du secrétariat de {{councilName}}.',
      termEnds: 'Fin du mandat en cours',
      deadline: 'Successeur attendu au plus tard le',
    },
    pt: {
      subject: 'Sem sucessor para a presidência de {{holder}} ({{councilName}})',
      intro:
        'Nenhum sucessor para a presidência de {{holder}} em {{councilName}} é conhecido, e já deveria ser. O sistema não escolhe ninguém: o conselho deve designar um sucessor (ou registrar o próximo mandato).',
      why: 'Você recebe esta mensagem porque é chefe de delegação de um Estado membro ou integra a secretaria de {{councilName}}.',
      termEnds: 'Fim do mandato atual',
      deadline: 'O sucessor era esperado até',
    },
  },
} satisfies NoticeCatalog;
