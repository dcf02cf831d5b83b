import type { Dictionary } from './en.js';

/** Portuguese (Brazilian usage, courteous impersonal/«você» register). */
export const pt: Dictionary = {
  'common.greeting': 'Olá, {{greetingName}},',
  'common.councilFallback': 'Plataforma do Conselho',
  'common.preferences': 'Você pode escolher quais avisos recebe, e com que frequência, nas suas preferências de notificação.',
  'common.preferencesLink': 'Gerenciar minhas preferências de notificação',
  'common.automated': 'Esta mensagem foi enviada automaticamente; por favor, não responda.',
  'common.labelSeparator': ': ',
  'common.when': 'Data e hora',
  'common.whenYourTime': 'Data e hora (seu horário)',
  'common.whenMeetingTime': 'Data e hora (horário local da reunião)',

  'council.reminder.subject': 'Lembrete: {{title}}',
  'council.reminder.intro': 'A secretaria de {{councilName}} agendou este lembrete para você.',
  'council.reminder.scheduledFor': 'Data agendada',
  'council.reminder.why': 'Você recebe esta mensagem porque participa de {{councilName}} e a secretaria agendou este lembrete.',

  'account.password_link.subject': 'Defina sua senha — {{councilLabel}}',
  'account.password_link.intro': 'Foi solicitado, em nome de {{fullName}}, um link para definir a senha da sua conta em {{councilLabel}}.',
  'account.password_link.action': 'Definir minha senha',
  'account.password_link.expires': 'Este link só pode ser usado uma vez e expira em {{expiresAt}}.',
  'account.password_link.copy': 'Se o botão não funcionar, copie este endereço no seu navegador:',
  'account.password_link.ignore': 'Se você não esperava esta mensagem, pode ignorá-la: nada mudará na sua conta.',
  'account.password_link.why':
    'Você recebe esta mensagem porque uma conta em {{councilLabel}} está vinculada a este endereço de e-mail. Mensagens de segurança são sempre enviadas, independentemente das suas preferências de notificação.',

  'meeting.reminder.subject': 'Lembrete: {{meetingTitle}} começa {{relative}}',
  'meeting.reminder.intro': 'Lembramos que a reunião “{{meetingTitle}}” ({{councilName}}) começa {{relative}}.',
  'meeting.reminder.venue': 'Local',
  'meeting.reminder.onlineLink': 'Link de acesso',
  'meeting.reminder.why': 'Você recebe esta mensagem porque participa de {{councilName}} e os lembretes de reuniões estão ativados para você.',

  'digest.daily.subject': 'Seu resumo diário de {{dateLabel}} — {{councilLabel}}',
  'digest.daily.intro': 'Veja o que aconteceu em {{dateLabel}}.',
  'digest.daily.empty': 'Nenhuma novidade neste dia.',
  'digest.daily.why': 'Você recebe este resumo porque escolheu agrupar suas notificações em um único e-mail diário.',
  'digest.daily.kind.meeting': 'Reunião',
  'digest.daily.kind.council': 'Lembrete',
  'digest.daily.kind.action_item': 'Ação pendente',
  'digest.daily.kind.decision': 'Decisão',
  'digest.daily.kind.presidency': 'Presidência',
  'digest.daily.kind.account': 'Conta',
  'digest.daily.kind.other': 'Aviso',
};
