import { MESSAGE_LANGUAGES, type MessageLanguage } from '../message-kinds.js';
import { renderMessage } from '../render-message.js';
import { NOTICES } from './index.js';

/** The variables a phrase uses: {{name}}. */
const varsOf = (source: string): string[] => [...source.matchAll(/{{\s*([A-Za-z_][\w]*)\s*}}/g)].map((m) => m[1]!);

describe('notice catalogs', () => {
  const notices = Object.entries(NOTICES);

  it('has notices', () => {
    expect(notices.length).toBeGreaterThan(0);
  });

  it.each(notices.map(([name]) => [name]))('%s has the same phrases in every language, with subject, intro and why', (name) => {
    const languages = NOTICES[name]!;
    const keys = (language: MessageLanguage) => Object.keys(languages[language]).sort();
    for (const language of MESSAGE_LANGUAGES) {
      expect(keys(language)).toEqual(keys('en'));
      for (const required of ['subject', 'intro', 'why']) expect(languages[language][required]?.trim()).toBeTruthy();
      // the same variables in every language
      for (const key of keys('en')) expect(new Set(varsOf(languages[language][key]!))).toEqual(new Set(varsOf(languages.en[key]!)));
    }
  });

  it.each(notices.flatMap(([name]) => MESSAGE_LANGUAGES.map((language) => [name, language] as const)))(
    '%s renders in %s with every label',
    (name, language) => {
      const phrases = NOTICES[name]![language];
      const vars = Object.fromEntries([...new Set(Object.values(phrases).flatMap(varsOf))].map((v) => [v, `‹${v}›`]));
      delete vars.councilName;
      const labels = Object.keys(phrases).filter((k) => !['subject', 'intro', 'why'].includes(k));
      const message = renderMessage('notice', language, {
        recipientName: 'Ana',
        recipientTimeZone: 'America/Panama',
        councilName: 'Council',
        notice: name,
        vars,
        rows: labels.map((label) => ({ label, text: 'x' })),
      });
      for (const part of [message.subject, message.text, message.html]) expect(part).not.toMatch(/{{|}}|undefined|\[object Object\]/);
      for (const label of labels) expect(message.text).toContain(phrases[label]!.split('{{')[0]!.trim());
    },
  );
});
