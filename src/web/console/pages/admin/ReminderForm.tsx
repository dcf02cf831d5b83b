import { useMutation } from '@tanstack/react-query';
import { DateTime } from 'luxon';
import { useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '../../api/client';
import { DateTimeText, personalZone } from '../../components/Time';
import { fieldErrors, Refusal } from '../meetings/meeting-bits';
import type { Delegation } from './admin-bits';

export type Reminder = Schemas['CouncilReminderResponse'];
type AudienceRole = 'head' | 'alternate' | 'adviser' | 'secretariat';
export const AUDIENCE_ROLES: readonly AudienceRole[] = ['head', 'alternate', 'adviser', 'secretariat'];

interface Props {
  councilId: string;
  zone?: string;
  delegations: readonly Delegation[];
  /** The reminder being edited; none: a new one. */
  editing?: Reminder;
  onSaved: (r: Reminder, created: boolean) => void;
  onCancel: () => void;
}

/** A reminder to write or edit: title, message, when (entered in the person's zone, shown in the council's too), to whom. */
export function ReminderForm({ councilId, zone, delegations, editing, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const mine = personalZone();
  const [title, setTitle] = useState(editing?.title ?? '');
  const [message, setMessage] = useState(editing?.message ?? '');
  const [sendAt, setSendAt] = useState(editing ? (DateTime.fromISO(editing.sendAt).setZone(mine).toFormat("yyyy-MM-dd'T'HH:mm") ?? '') : '');
  const [roles, setRoles] = useState<AudienceRole[]>((editing?.audience.roles as AudienceRole[] | undefined) ?? []);
  const [chosen, setChosen] = useState<string[]>(editing?.audience.delegationIds ?? []);
  const when = sendAt ? DateTime.fromISO(sendAt, { zone: mine }) : undefined;

  const save = useMutation({
    mutationFn: async () => {
      const body = {
        title: title.trim(),
        message: message.trim(),
        sendAt: when?.isValid ? when.toUTC().toISO()! : '',
        audience: { roles, delegationIds: chosen },
      };
      if (editing) {
        return data(
          await api.PATCH('/councils/{councilId}/reminders/{reminderId}', {
            params: { path: { councilId, reminderId: editing.id } },
            body: { version: editing.version, ...body },
          }),
        );
      }
      return data(await api.POST('/councils/{councilId}/reminders', { params: { path: { councilId } }, body }));
    },
    onSuccess: (r) => onSaved(r, !editing),
  });
  const errors = fieldErrors(save.error);
  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  return (
    <Form
      className="form card"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) save.mutate();
      }}
    >
      <h2 id={`${id}-title`}>{editing ? t('admin.reminders.editTitle', { title: editing.title }) : t('admin.reminders.newTitle')}</h2>
      <div className="field">
        <label htmlFor={`${id}-t`}>{t('admin.reminders.titleLabel')}</label>
        <input id={`${id}-t`} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        {errors.title && <p className="field-error">{errors.title}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-m`}>{t('admin.reminders.message')}</label>
        <textarea id={`${id}-m`} required rows={4} maxLength={5000} value={message} onChange={(e) => setMessage(e.target.value)} />
        {errors.message && <p className="field-error">{errors.message}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-at`}>{t('admin.reminders.sendAtLabel', { zone: mine })}</label>
        <input id={`${id}-at`} type="datetime-local" required value={sendAt} onChange={(e) => setSendAt(e.target.value)} aria-describedby={`${id}-at-hint`} />
        <p id={`${id}-at-hint`} className="muted small">
          {when?.isValid ? <DateTimeText value={when.toISO()!} zone={zone} /> : t('admin.reminders.sendAtHint')}
        </p>
        {errors.sendAt && <p className="field-error">{errors.sendAt}</p>}
      </div>
      <fieldset className="checkbox-group">
        <legend>{t('admin.reminders.roles')}</legend>
        <p className="muted small">{t('admin.reminders.rolesHint')}</p>
        {AUDIENCE_ROLES.map((r) => (
          <label key={r} className="checkbox-native">
            <input type="checkbox" checked={roles.includes(r)} onChange={() => setRoles((l) => toggle(l, r))} /> {t(`admin.reminders.role.${r}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="checkbox-group">
        <legend>{t('admin.reminders.delegations')}</legend>
        <p className="muted small">{t('admin.reminders.delegationsHint')}</p>
        {delegations.map((d) => (
          <label key={d.id} className="checkbox-native">
            <input type="checkbox" checked={chosen.includes(d.id)} onChange={() => setChosen((l) => toggle(l, d.id))} /> {d.name}
          </label>
        ))}
      </fieldset>
      <div className="row-actions">
        <Button type="submit" className="button">
          {editing ? t('admin.reminders.saveChanges') : t('admin.reminders.schedule')}
        </Button>
        {editing && (
          <Button className="button button-quiet" onPress={onCancel}>
            {t('admin.reminders.stopEditing')}
          </Button>
        )}
      </div>
      <Refusal error={save.error} zone={zone} />
    </Form>
  );
}
