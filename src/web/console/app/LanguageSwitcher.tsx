import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api, data } from '../api/client';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES, type Language } from '../i18n/i18n';
import { useMe } from './queries';

/**
 * The language of the interface: a native select (a combobox named "Language"), each option named in its
 * own language. Signed in, it is the account's language (PATCH /auth/me), so it follows the person to
 * any browser; before sign-in it is remembered on this browser.
 */
export function LanguageSwitcher({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const me = useMe(signedIn);
  const account = signedIn ? me.data?.preferredLanguage : undefined;

  // The account's language wins once known (a sign-in on another browser, another tab's change).
  useEffect(() => {
    if (account && account !== i18n.language) void i18n.changeLanguage(account);
  }, [account, i18n]);

  const save = useMutation({
    mutationFn: async (language: Language) => data(await api.PATCH('/auth/me', { body: { preferredLanguage: language } })),
    onSuccess: (updated) => queryClient.setQueryData(['me'], updated),
  });

  return (
    <div className="language">
      <label htmlFor={id}>{t('shell.language')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => {
          const language = event.target.value;
          if (!isLanguage(language)) return;
          void i18n.changeLanguage(language);
          if (signedIn) save.mutate(language);
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
