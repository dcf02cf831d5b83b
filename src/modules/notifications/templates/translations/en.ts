/**
 * English phrases. This file is the reference: `Dictionary` is derived from it, so the other
 * languages must define exactly the same keys (the compiler refuses a missing or extra one).
 * Phrases are Handlebars templates over the view model built in render-message.ts; they are
 * compiled with escaping for HTML and without for plain text. Plain text only — no markup.
 */
export const en = {
  'common.greeting': 'Hello {{greetingName}},',
  'common.councilFallback': 'Council platform',
  'common.preferences': 'You can choose which notifications you receive, and how often, in your notification preferences.',
  'common.preferencesLink': 'Manage my notification preferences',
  'common.automated': 'This message was sent automatically; please do not reply to it.',
  'common.labelSeparator': ': ',
  'common.when': 'When',
  'common.whenYourTime': 'When (your time)',
  'common.whenMeetingTime': 'When (local time of the meeting)',

  'council.reminder.subject': 'Reminder: {{title}}',
  'council.reminder.intro': 'The secretariat of {{councilName}} scheduled this reminder for you.',
  'council.reminder.scheduledFor': 'Scheduled for',
  'council.reminder.why': 'You receive this message because you take part in {{councilName}} and its secretariat scheduled this reminder.',

  'account.password_link.subject': 'Set your password — {{councilLabel}}',
  'account.password_link.intro': 'A link to set the password of your account on {{councilLabel}} was requested for {{fullName}}.',
  'account.password_link.action': 'Set my password',
  'account.password_link.expires': 'This link can be used only once and expires on {{expiresAt}}.',
  'account.password_link.copy': 'If the button does not work, copy this address into your browser:',
  'account.password_link.ignore': 'If you did not expect this message, you can ignore it: nothing will change on your account.',
  'account.password_link.why':
    'You receive this message because an account on {{councilLabel}} is linked to this email address. Security messages are always sent, whatever your notification preferences.',

  'meeting.reminder.subject': 'Reminder: {{meetingTitle}} starts {{relative}}',
  'meeting.reminder.intro': 'This is a reminder that the meeting “{{meetingTitle}}” ({{councilName}}) starts {{relative}}.',
  'meeting.reminder.venue': 'Venue',
  'meeting.reminder.onlineLink': 'Link to join',
  'meeting.reminder.why': 'You receive this message because you take part in {{councilName}} and meeting reminders are turned on for you.',

  'digest.daily.subject': 'Your daily summary for {{dateLabel}} — {{councilLabel}}',
  'digest.daily.intro': 'Here is what happened on {{dateLabel}}.',
  'digest.daily.empty': 'Nothing new for this day.',
  'digest.daily.why': 'You receive this summary because you chose to get your notifications grouped in one daily email.',
  'digest.daily.kind.meeting': 'Meeting',
  'digest.daily.kind.council': 'Reminder',
  'digest.daily.kind.action_item': 'Action item',
  'digest.daily.kind.decision': 'Decision',
  'digest.daily.kind.presidency': 'Presidency',
  'digest.daily.kind.account': 'Account',
  'digest.daily.kind.other': 'Notice',
} as const;

export type PhraseKey = keyof typeof en;
export type Dictionary = Readonly<Record<PhraseKey, string>>;
