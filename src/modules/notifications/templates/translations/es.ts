import type { Dictionary } from './en.js';

/** Spanish (Latin American usage, formal «usted»). */
export const es: Dictionary = {
  'common.greeting': 'Hola, {{greetingName}}:',
  'common.councilFallback': 'Plataforma del Consejo',
  'common.preferences': 'Puede elegir qué avisos recibe, y con qué frecuencia, en sus preferencias de notificación.',
  'common.preferencesLink': 'Gestionar mis preferencias de notificación',
  'common.automated': 'Este mensaje se envió automáticamente; por favor, no lo responda.',
  'common.labelSeparator': ': ',
  'common.when': 'Fecha y hora',
  'common.whenYourTime': 'Fecha y hora (su hora local)',
  'common.whenMeetingTime': 'Fecha y hora (hora local de la reunión)',

  'council.reminder.subject': 'Recordatorio: {{title}}',
  'council.reminder.intro': 'La secretaría de {{councilName}} programó este recordatorio para usted.',
  'council.reminder.scheduledFor': 'Fecha programada',
  'council.reminder.why': 'Recibe este mensaje porque participa en {{councilName}} y su secretaría programó este recordatorio.',

  'account.password_link.subject': 'Establezca su contraseña — {{councilLabel}}',
  'account.password_link.intro': 'Se solicitó un enlace para establecer la contraseña de su cuenta en {{councilLabel}} a nombre de {{fullName}}.',
  'account.password_link.action': 'Establecer mi contraseña',
  'account.password_link.expires': 'Este enlace solo puede usarse una vez y vence el {{expiresAt}}.',
  'account.password_link.copy': 'Si el botón no funciona, copie esta dirección en su navegador:',
  'account.password_link.ignore': 'Si no esperaba este mensaje, puede ignorarlo: su cuenta no cambiará.',
  'account.password_link.why':
    'Recibe este mensaje porque hay una cuenta de {{councilLabel}} vinculada a esta dirección de correo. Los mensajes de seguridad se envían siempre, sean cuales sean sus preferencias de notificación.',

  'meeting.reminder.subject': 'Recordatorio: {{meetingTitle}} comienza {{relative}}',
  'meeting.reminder.intro': 'Le recordamos que la reunión «{{meetingTitle}}» ({{councilName}}) comienza {{relative}}.',
  'meeting.reminder.venue': 'Lugar',
  'meeting.reminder.onlineLink': 'Enlace para conectarse',
  'meeting.reminder.why': 'Recibe este mensaje porque participa en {{councilName}} y tiene activados los recordatorios de reuniones.',

  'digest.daily.subject': 'Su resumen diario del {{dateLabel}} — {{councilLabel}}',
  'digest.daily.intro': 'Esto es lo que ocurrió el {{dateLabel}}.',
  'digest.daily.empty': 'No hay novedades para este día.',
  'digest.daily.why': 'Recibe este resumen porque eligió agrupar sus notificaciones en un único correo diario.',
  'digest.daily.kind.meeting': 'Reunión',
  'digest.daily.kind.council': 'Recordatorio',
  'digest.daily.kind.action_item': 'Acción pendiente',
  'digest.daily.kind.decision': 'Decisión',
  'digest.daily.kind.presidency': 'Presidencia',
  'digest.daily.kind.account': 'Cuenta',
  'digest.daily.kind.other': 'Aviso',
};
