import {
  MESSAGE_KINDS,
  MESSAGE_LANGUAGES,
  MessageTemplateException,
  NOTICES,
  renderMessage,
  type MessageDataByKind,
  type MessageKind,
  type MessageLanguage,
  type RenderedMessage,
} from './index.js';
import { DICTIONARIES } from './translations/index.js';

const FRIDAY_BEFORE_DST = new Date('2026-03-06T15:00:00Z'); // Toronto 10:00 EST (UTC−5), Mexico City 09:00 (UTC−6)
const MONDAY_AFTER_DST = new Date('2026-03-09T14:00:00Z'); // Toronto 10:00 EDT (UTC−4), Mexico City 08:00 (UTC−6)
const hours = (d: Date, h: number) => new Date(d.getTime() + h * 3_600_000);

const fixtures: { [K in MessageKind]: MessageDataByKind[K] } = {
  notice: {
    recipientName: 'Ana Pérez',
    recipientTimeZone: 'America/Mexico_City',
    councilName: 'Consejo Centroamericano de Migración',
    notice: 'meeting.convened',
    vars: { meetingTitle: 'Reunión de altos funcionarios' },
    body: 'Primera línea\n<b>segunda</b>',
    rows: [
      { label: 'common.when', at: MONDAY_AFTER_DST, zone: 'America/Toronto' },
      { label: 'venue', text: 'Ciudad de Panamá' },
    ],
    link: { label: 'onlineLink', url: 'https://meet.example.org/x?a=1&b=2' },
  },
  'council.reminder': {
    recipientName: 'Ana Pérez',
    recipientTimeZone: 'America/Mexico_City',
    councilName: 'Consejo Centroamericano de Migración',
    title: 'Informe trimestral',
    message: 'Envíe el informe antes del viernes.\nGracias.',
    sendAt: MONDAY_AFTER_DST,
    preferencesUrl: 'https://app.example.org/preferences',
  },
  'account.password_link': {
    recipientName: 'Ana Pérez',
    recipientTimeZone: 'America/Mexico_City',
    councilName: null,
    fullName: 'Ana Pérez',
    url: 'https://app.example.org/set-password?token=abc123&x=1',
    expiresAt: MONDAY_AFTER_DST,
  },
  'meeting.reminder': {
    recipientName: 'Ana Pérez',
    recipientTimeZone: 'America/Mexico_City',
    councilName: 'Consejo Centroamericano de Migración',
    meetingTitle: 'Reunión de altos funcionarios',
    startsAt: MONDAY_AFTER_DST,
    endsAt: hours(MONDAY_AFTER_DST, 2),
    meetingTimeZone: 'America/Toronto',
    venue: 'Sala 3, Ottawa',
    onlineLink: 'https://meet.example.org/abc',
    daysBefore: 7,
  },
  'digest.daily': {
    recipientName: 'Ana Pérez',
    recipientTimeZone: 'America/Mexico_City',
    councilName: 'Consejo Centroamericano de Migración',
    date: '2026-03-09',
    items: [
      { kind: 'meeting.reminder', title: 'Reunión de altos funcionarios', summary: 'Comienza en 7 días.', at: MONDAY_AFTER_DST },
      { kind: 'council.reminder', title: 'Informe trimestral', summary: 'Plazo: viernes.', at: hours(MONDAY_AFTER_DST, -3) },
    ],
  },
};

function render<K extends MessageKind>(kind: K, language: MessageLanguage, patch: Partial<MessageDataByKind[K]> = {}): RenderedMessage {
  return renderMessage(kind, language, { ...fixtures[kind], ...patch });
}

const ALL = MESSAGE_KINDS.flatMap((kind) => MESSAGE_LANGUAGES.map((language) => [kind, language] as const));
const placeholders = (s: string) => [...s.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const englishKeys = Object.keys(DICTIONARIES.en).sort();

  it.each(MESSAGE_LANGUAGES)('%s has every phrase, none empty, with the same placeholders as English', (language) => {
    const dictionary = DICTIONARIES[language] as Record<string, string>;
    expect(Object.keys(dictionary).sort()).toEqual(englishKeys);
    for (const key of englishKeys) {
      expect(dictionary[key]?.length).toBeGreaterThan(0);
      expect([key, placeholders(dictionary[key])]).toEqual([key, placeholders((DICTIONARIES.en as Record<string, string>)[key])]);
    }
  });

  it.each(['es', 'fr', 'pt'] as const)('%s is really translated (no phrase left in English)', (language) => {
    const same = englishKeys.filter(
      (key) => key !== 'common.labelSeparator' && (DICTIONARIES[language] as Record<string, string>)[key] === (DICTIONARIES.en as Record<string, string>)[key],
    );
    expect(same).toEqual([]);
  });

  it('every kind has a subject and a footer reason in every language (a notice has them in its catalog)', () => {
    for (const kind of MESSAGE_KINDS.filter((k) => k !== 'notice')) {
      for (const language of MESSAGE_LANGUAGES) {
        const dictionary = DICTIONARIES[language] as Record<string, string>;
        expect(dictionary[`${kind}.subject`]).toBeTruthy();
        expect(dictionary[`${kind}.why`]).toBeTruthy();
      }
    }
  });
});

describe('renderMessage: every kind in every language', () => {
  it.each(ALL)('%s in %s renders completely', (kind, language) => {
    const message = render(kind, language);
    for (const part of [message.subject, message.text, message.html]) {
      expect(part.trim().length).toBeGreaterThan(0);
      expect(part).not.toMatch(/{{|}}/);
      expect(part).not.toMatch(/undefined|\bnull\b|\[object Object\]|NaN|Invalid DateTime/);
    }
    expect(message.subject).not.toMatch(/\n/);
    expect(message.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(message.html).toContain(`<html lang="${language}"`);
    expect(message.html).toContain(`<title>`);
    // the footer says why the recipient gets this, in the message's language
    const why = (kind === 'notice' ? NOTICES['meeting.convened']![language].why : DICTIONARIES[language][`${kind}.why`]).split('{{')[0].trim();
    expect(message.text).toContain(why);
    expect(message.html).toContain(why);
    expect(message.text).toContain(DICTIONARIES[language]['common.automated']);
  });

  /** The fixed (non-placeholder) parts of every English phrase, at least 5 characters long. */
  const englishFragments = Object.entries(DICTIONARIES.en)
    .filter(([key]) => key !== 'common.labelSeparator')
    .flatMap(([, phrase]) => phrase.split(/{{[^}]*}}/))
    .map((f) => f.trim().replace(/^[\s,.:;()“”—-]+|[\s,.:;()“”—-]+$/g, ''))
    .filter((f) => f.length >= 5 && /[a-z]/i.test(f));
  const englishIn = (message: RenderedMessage) => englishFragments.filter((f) => `${message.subject}\n${message.text}\n${message.html}`.includes(f));

  it.each(ALL.filter(([, language]) => language !== 'en'))('%s in %s leaks no English fixed phrase', (kind, language) => {
    expect(englishIn(render(kind, language))).toEqual([]);
  });

  it('(control) the English fragments check does detect English', () => {
    expect(englishFragments.length).toBeGreaterThan(40);
    expect(englishIn(render('meeting.reminder', 'en')).length).toBeGreaterThan(5);
  });

  it('shows preference management everywhere except on the security message', () => {
    for (const language of MESSAGE_LANGUAGES) {
      const preferences = DICTIONARIES[language]['common.preferences'];
      expect(render('council.reminder', language).text).toContain(preferences);
      expect(render('meeting.reminder', language).html).toContain(preferences);
      expect(render('digest.daily', language).text).toContain(preferences);
      expect(render('account.password_link', language).text).not.toContain(preferences);
    }
    const withLink = render('council.reminder', 'es');
    expect(withLink.html).toContain('<a href="https://app.example.org/preferences"');
    expect(withLink.text).toContain('Gestionar mis preferencias de notificación: https://app.example.org/preferences');
  });

  it('uses each language’s own punctuation (French non-breaking space before the colon)', () => {
    expect(render('council.reminder', 'fr').subject).toBe('Rappel\u00a0: Informe trimestral');
    expect(render('council.reminder', 'es').subject).toBe('Recordatorio: Informe trimestral');
    expect(render('council.reminder', 'pt').subject).toBe('Lembrete: Informe trimestral');
    expect(render('council.reminder', 'en').subject).toBe('Reminder: Informe trimestral');
    expect(render('council.reminder', 'es').text).toContain('Hola, Ana Pérez:');
  });
});

describe('renderMessage: escaping', () => {
  const evil = '<script>alert("x")</script> & <b>bold</b>';

  it('escapes user content in the HTML, everywhere it appears', () => {
    const message = render('meeting.reminder', 'en', { meetingTitle: evil, venue: evil, councilName: evil, recipientName: evil });
    expect(message.html).not.toMatch(/<script|<b>bold/);
    expect(message.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;');
    // in the <title> too (the subject carries the meeting title)
    expect(message.html).toMatch(/<title>Reminder: &lt;script&gt;/);
    // plain text is plain: no entities
    expect(message.text).toContain(evil);
    expect(message.subject).toContain(evil);
  });

  it('escapes digest items and multi-line messages, keeping line breaks', () => {
    const reminder = render('council.reminder', 'es', { title: evil, message: `line 1\n${evil}` });
    expect(reminder.html).not.toContain('<script');
    expect(reminder.html).toContain('line 1<br>\n&lt;script&gt;');
    const digest = render('digest.daily', 'fr', { items: [{ kind: 'x', title: evil, summary: evil, at: MONDAY_AFTER_DST }] });
    expect(digest.html).not.toContain('<script');
    expect(digest.html).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('never evaluates template syntax found in the data', () => {
    const message = render('council.reminder', 'en', { title: '{{recipientName}}', message: '{{{body}}} {{t "common.greeting"}}' });
    expect(message.text).toContain('{{recipientName}}');
    expect(message.text).toContain('{{{body}}} {{t "common.greeting"}}');
  });

  it('refuses links that are not absolute http(s) URLs', () => {
    expect(() => render('account.password_link', 'en', { url: 'javascript:alert(1)' })).toThrow(MessageTemplateException);
    expect(() => render('account.password_link', 'en', { url: '/relative' })).toThrow(MessageTemplateException);
    expect(() => render('meeting.reminder', 'en', { onlineLink: 'data:text/html,x' })).toThrow(MessageTemplateException);
    expect(() => render('council.reminder', 'en', { preferencesUrl: 'javascript:x' })).toThrow(MessageTemplateException);
  });

  it('keeps the subject on one line', () => {
    expect(render('council.reminder', 'en', { title: 'Two\r\nlines\tand  spaces' }).subject).toBe('Reminder: Two lines and spaces');
  });
});

describe('renderMessage: dates in the recipient zone and the meeting zone across a DST change', () => {
  it('before Toronto moves to summer time: Mexico City is one hour behind', () => {
    const message = render('meeting.reminder', 'es', { startsAt: FRIDAY_BEFORE_DST, endsAt: hours(FRIDAY_BEFORE_DST, 2) });
    expect(message.text).toContain('Fecha y hora (su hora local): viernes, 6 de marzo de 2026, 09:00–11:00 (hora estándar central, GMT-6)');
    expect(message.text).toContain('Fecha y hora (hora local de la reunión): viernes, 6 de marzo de 2026, 10:00–12:00 (hora estándar oriental, GMT-5)');
  });

  it('after the change: the meeting keeps 10:00 in Toronto, Mexico City (no DST since 2022) reads 08:00', () => {
    const message = render('meeting.reminder', 'es');
    expect(message.text).toContain('Fecha y hora (su hora local): lunes, 9 de marzo de 2026, 08:00–10:00 (hora estándar central, GMT-6)');
    expect(message.text).toContain('Fecha y hora (hora local de la reunión): lunes, 9 de marzo de 2026, 10:00–12:00 (hora de verano oriental, GMT-4)');
    expect(message.html).toContain('lunes, 9 de marzo de 2026, 08:00–10:00 (hora estándar central, GMT-6)');
    expect(message.html).toContain('lunes, 9 de marzo de 2026, 10:00–12:00 (hora de verano oriental, GMT-4)');
  });

  it('the other way round, in English: a recipient in Toronto, a meeting in Mexico City', () => {
    const message = render('meeting.reminder', 'en', { recipientTimeZone: 'America/Toronto', meetingTimeZone: 'America/Mexico_City' });
    expect(message.text).toContain('When (your time): Monday, March 9, 2026, 10:00 AM–12:00 PM (Eastern Daylight Time, GMT-4)');
    expect(message.text).toContain('When (local time of the meeting): Monday, March 9, 2026, 8:00 AM–10:00 AM (Central Standard Time, GMT-6)');
    expect(message.subject).toBe('Reminder: Reunión de altos funcionarios starts in 7 days');
  });

  it('shows the time once when recipient and meeting share the zone', () => {
    const message = render('meeting.reminder', 'pt', { recipientTimeZone: 'America/Toronto' });
    expect(message.text).toContain('Data e hora: segunda-feira, 9 de março de 2026, 10:00–12:00 (Horário de Verão do Leste, GMT-4)');
    expect(message.text).not.toContain('horário local da reunião');
  });

  it('shows every other date in the recipient zone', () => {
    const toronto = { recipientTimeZone: 'America/Toronto' };
    expect(render('council.reminder', 'en', toronto).text).toContain('Scheduled for: Monday, March 9, 2026, 10:00 AM (Eastern Daylight Time, GMT-4)');
    expect(render('council.reminder', 'en', { sendAt: FRIDAY_BEFORE_DST, ...toronto }).text).toContain(
      'Friday, March 6, 2026, 10:00 AM (Eastern Standard Time, GMT-5)',
    );
    expect(render('account.password_link', 'fr').text).toContain('expire le lundi 9 mars 2026, 08 h 00 (heure normale du Centre, UTC−6).');
    expect(render('digest.daily', 'pt').text).toContain('segunda-feira, 9 de março de 2026, 08:00 (Horário Padrão Central, GMT-6)');
  });

  it('accepts ISO strings (a Date after a JSON round trip through the outbox)', () => {
    const fromJson = renderMessage('meeting.reminder', 'es', JSON.parse(JSON.stringify(fixtures['meeting.reminder'])));
    expect(fromJson).toEqual(render('meeting.reminder', 'es'));
  });

  it('says when, relatively, in each language', () => {
    expect(render('meeting.reminder', 'es', { daysBefore: 1 }).subject).toBe('Recordatorio: Reunión de altos funcionarios comienza mañana');
    expect(render('meeting.reminder', 'fr', { daysBefore: 1 }).subject).toBe('Rappel\u00a0: Reunión de altos funcionarios commence demain');
    expect(render('meeting.reminder', 'pt', { daysBefore: 7 }).subject).toBe('Lembrete: Reunión de altos funcionarios começa em 7 dias');
  });
});

describe('renderMessage: per kind', () => {
  it('password link: button and copyable link, greeting by full name, council fallback', () => {
    const message = render('account.password_link', 'es', { recipientName: 'ana', fullName: 'Ana María Pérez' });
    expect(message.html).toContain('<a href="https://app.example.org/set-password?token&#x3D;abc123&amp;x&#x3D;1"');
    expect(message.text).toContain('Establecer mi contraseña: https://app.example.org/set-password?token=abc123&x=1');
    expect(message.text).toContain('Hola, Ana María Pérez:');
    expect(message.subject).toBe('Establezca su contraseña — Plataforma del Consejo');
    expect(render('account.password_link', 'es', { councilName: 'CRM' }).subject).toBe('Establezca su contraseña — CRM');
  });

  it('meeting reminder: venue and link are optional', () => {
    const bare = render('meeting.reminder', 'en', { venue: null, onlineLink: undefined });
    expect(bare.text).not.toMatch(/Venue|Link to join/);
    expect(bare.html).not.toMatch(/Venue|Link to join/);
    const full = render('meeting.reminder', 'en');
    expect(full.text).toContain('Venue: Sala 3, Ottawa');
    expect(full.html).toContain('<a href="https://meet.example.org/abc"');
  });

  it('digest: items in time order with a label per kind; an empty day says so', () => {
    const message = render('digest.daily', 'en', {
      items: [...fixtures['digest.daily'].items, { kind: 'something.new', title: 'Other', summary: 'Line one\nLine two', at: hours(MONDAY_AFTER_DST, 1) }],
    });
    const order = ['[Reminder] Informe trimestral', '[Meeting] Reunión de altos funcionarios', '[Notice] Other'].map((s) => message.text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(message.text).toContain('  Line one\n  Line two');
    expect(message.subject).toBe('Your daily summary for Monday, March 9, 2026 — Consejo Centroamericano de Migración');
    const empty = render('digest.daily', 'fr', { items: [] });
    expect(empty.text).toContain('Rien de nouveau pour cette journée.');
    expect(empty.html).not.toContain('<ul');
  });

  it('is deterministic (compiled templates are cached and reused)', () => {
    expect(render('digest.daily', 'pt')).toEqual(render('digest.daily', 'pt'));
  });
});

describe('renderMessage: unusable data', () => {
  it.each([
    ['meeting.reminder', { meetingTitle: '  ' }, 'meetingTitle'],
    ['meeting.reminder', { meetingTimeZone: 'Eastern Time' }, 'meetingTimeZone'],
    ['meeting.reminder', { endsAt: FRIDAY_BEFORE_DST }, 'endsAt'],
    ['meeting.reminder', { daysBefore: -1 }, 'daysBefore'],
    ['council.reminder', { sendAt: new Date('nope') }, 'sendAt'],
    ['council.reminder', { recipientTimeZone: 'mexico' }, 'recipientTimeZone'],
    ['digest.daily', { items: [{ kind: 'x', title: 'T', summary: '', at: MONDAY_AFTER_DST }] }, 'items[0].summary'],
  ] as const)('%s with %p is refused (%s)', (kind, patch, field) => {
    const run = () => renderMessage(kind, 'es', { ...fixtures[kind], ...patch } as never);
    expect(run).toThrow(MessageTemplateException);
    expect(run).toThrow(new RegExp(`: ${field.replace(/[[\]]/g, '\\$&')}:`));
  });

  it('refuses an unknown kind or language', () => {
    expect(() => renderMessage('nope' as MessageKind, 'es', fixtures['council.reminder'])).toThrow(MessageTemplateException);
    expect(() => renderMessage('council.reminder', 'de' as MessageLanguage, fixtures['council.reminder'])).toThrow(MessageTemplateException);
  });
});
