import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data } from '../../api/client';
import { type Language, LANGUAGES, languageName } from '../../i18n/i18n';
import { fieldErrors, Refusal } from '../meetings/meeting-bits';
import type { Delegation } from './admin-bits';

type SeatRole = 'head' | 'alternate' | 'adviser';
const SEAT_ROLES: readonly SeatRole[] = ['head', 'alternate', 'adviser'];

interface Props {
  councilId: string;
  delegations: readonly Delegation[];
  /** The council's working languages, offered first. */
  languages: readonly string[];
  /** The council's zone: a new delegate seat's time zone until the person chooses theirs. */
  zone: string;
  onAdded: (announcement: string) => void;
}

const empty = { fullName: '', email: '', kind: 'delegate' as 'delegate' | 'secretariat', delegationId: '', seatRole: 'adviser' as SeatRole, language: '' };

/**
 * Add an account: a delegate (a seat in a delegation — name, email, role in the delegation, language — then
 * the account acting as that seat) or a member of the secretariat. The API emails the set-password link.
 */
export function AddPersonForm({ councilId, delegations, languages, zone, onAdded }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [form, setForm] = useState(empty);
  const set = <K extends keyof typeof empty>(key: K, value: (typeof empty)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const ordered = [...languages.filter((l): l is Language => (LANGUAGES as readonly string[]).includes(l)), ...LANGUAGES.filter((l) => !languages.includes(l))];
  const language = (form.language || ordered[0] || 'en') as Language;

  const add = useMutation({
    mutationFn: async () => {
      const person = { fullName: form.fullName.trim(), email: form.email.trim() };
      let delegateId: string | undefined;
      if (form.kind === 'delegate') {
        const seat = data(
          await api.POST('/councils/{councilId}/delegations/{delegationId}/delegates', {
            params: { path: { councilId, delegationId: form.delegationId } },
            body: { ...person, role: form.seatRole, preferredLanguage: language, timeZone: zone },
          }),
        );
        delegateId = seat.id;
      }
      return data(
        await api.POST('/councils/{councilId}/users', {
          params: { path: { councilId } },
          body: { ...person, role: form.kind, ...(delegateId ? { delegateId } : {}) },
        }),
      );
    },
    onSuccess: (created) => {
      setForm(empty);
      onAdded(
        created.linkEmailed
          ? t('admin.people.addedWithLink', { name: created.user.fullName, email: created.user.email })
          : t('admin.people.addedNoLink', { name: created.user.fullName }),
      );
    },
  });
  const errors = fieldErrors(add.error);

  return (
    <Form
      className="form card"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!add.isPending) add.mutate();
      }}
    >
      <h2 id={`${id}-title`}>{t('admin.people.addTitle')}</h2>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('admin.people.colRole')}</label>
        <select id={`${id}-kind`} value={form.kind} onChange={(e) => set('kind', e.target.value as 'delegate' | 'secretariat')}>
          <option value="delegate">{t('admin.people.roles.delegate')}</option>
          <option value="secretariat">{t('admin.people.roles.secretariat')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('admin.people.name')}</label>
        <input id={`${id}-name`} required maxLength={200} autoComplete="off" value={form.fullName} onChange={(e) => set('fullName', e.target.value)} />
        {errors.fullName && <p className="field-error">{errors.fullName}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('admin.people.email')}</label>
        <input id={`${id}-email`} type="email" required maxLength={320} autoComplete="off" value={form.email} onChange={(e) => set('email', e.target.value)} />
        {errors.email && <p className="field-error">{errors.email}</p>}
      </div>
      {form.kind === 'delegate' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-delegation`}>{t('admin.people.colDelegation')}</label>
            <select id={`${id}-delegation`} required value={form.delegationId} onChange={(e) => set('delegationId', e.target.value)}>
              <option value="">{t('admin.people.chooseDelegation')}</option>
              {delegations.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-seat`}>{t('admin.people.seatRole')}</label>
            <select id={`${id}-seat`} value={form.seatRole} onChange={(e) => set('seatRole', e.target.value as SeatRole)}>
              {SEAT_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`admin.people.seatRoles.${r}`)}
                </option>
              ))}
            </select>
            {errors.role && <p className="field-error">{errors.role}</p>}
          </div>
          <div className="field">
            <label htmlFor={`${id}-language`}>{t('admin.people.language')}</label>
            <select id={`${id}-language`} value={language} onChange={(e) => set('language', e.target.value)}>
              {ordered.map((l) => (
                <option key={l} value={l}>
                  {languageName(l, i18n.language)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <Button type="submit" className="button">
        {t('admin.people.add')}
      </Button>
      <Refusal error={add.error} />
    </Form>
  );
}
