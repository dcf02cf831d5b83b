import type { Dictionary } from './en.js';

/** French (vouvoiement; typographic spaces before « : » and inside « »). */
export const fr: Dictionary = {
  'common.greeting': 'Bonjour {{greetingName}},',
  'common.councilFallback': 'Plateforme du Conseil',
  'common.preferences': 'Vous pouvez choisir les notifications que vous recevez, et leur fréquence, dans vos préférences de notification.',
  'common.preferencesLink': 'Gérer mes préférences de notification',
  'common.automated': 'Ce message a été envoyé automatiquement ; merci de ne pas y répondre.',
  'common.labelSeparator': ' : ',
  'common.when': 'Date et heure',
  'common.whenYourTime': 'Date et heure (votre heure)',
  'common.whenMeetingTime': 'Date et heure (heure locale de la réunion)',

  'council.reminder.subject': 'Rappel : {{title}}',
  'council.reminder.intro': 'Le secrétariat de {{councilName}} a programmé ce rappel à votre intention.',
  'council.reminder.scheduledFor': 'Date prévue',
  'council.reminder.why': 'Vous recevez ce message parce que vous participez à {{councilName}} et que son secrétariat a programmé ce rappel.',

  'account.password_link.subject': 'Définissez votre mot de passe — {{councilLabel}}',
  'account.password_link.intro': 'Un lien pour définir le mot de passe de votre compte sur {{councilLabel}} a été demandé au nom de {{fullName}}.',
  'account.password_link.action': 'Définir mon mot de passe',
  'account.password_link.expires': 'Ce lien n’est utilisable qu’une seule fois et expire le {{expiresAt}}.',
  'account.password_link.copy': 'Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur :',
  'account.password_link.ignore': 'Si vous n’attendiez pas ce message, vous pouvez l’ignorer : votre compte ne sera pas modifié.',
  'account.password_link.why':
    'Vous recevez ce message parce qu’un compte sur {{councilLabel}} est associé à cette adresse électronique. Les messages de sécurité sont toujours envoyés, quelles que soient vos préférences de notification.',

  'meeting.reminder.subject': 'Rappel : {{meetingTitle}} commence {{relative}}',
  'meeting.reminder.intro': 'Nous vous rappelons que la réunion « {{meetingTitle}} » ({{councilName}}) commence {{relative}}.',
  'meeting.reminder.venue': 'Lieu',
  'meeting.reminder.onlineLink': 'Lien de connexion',
  'meeting.reminder.why': 'Vous recevez ce message parce que vous participez à {{councilName}} et que les rappels de réunion sont activés pour vous.',

  'digest.daily.subject': 'Votre résumé quotidien du {{dateLabel}} — {{councilLabel}}',
  'digest.daily.intro': 'Voici ce qui s’est passé le {{dateLabel}}.',
  'digest.daily.empty': 'Rien de nouveau pour cette journée.',
  'digest.daily.why': 'Vous recevez ce résumé parce que vous avez choisi de regrouper vos notifications dans un seul courriel quotidien.',
  'digest.daily.kind.meeting': 'Réunion',
  'digest.daily.kind.council': 'Rappel',
  'digest.daily.kind.action_item': 'Action à mener',
  'digest.daily.kind.decision': 'Décision',
  'digest.daily.kind.presidency': 'Présidence',
  'digest.daily.kind.account': 'Compte',
  'digest.daily.kind.other': 'Avis',
};
