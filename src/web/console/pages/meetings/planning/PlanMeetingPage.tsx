import type { CalendarDateTime } from '@internationalized/date';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { Button, Form, Input, Label, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '../../../api/client';
import { useCurrentCouncil } from '../../../app/queries';
import { Loading, PageHeading, Unavailable } from '../../../components/Page';
import { fieldErrors, MEETING_KINDS, type MeetingKind, Refusal } from '../meeting-bits';
import { useBodies } from '../MeetingsPage';
import { CapitalsTable } from './CapitalsTable';
import { DateTimePicker } from './pickers';
import { dayAhead, shiftBy, wallToInstant, zoneCity, zoneOptions } from './zoned';

type CreateMeeting = Schemas['CreateMeetingDto'];

/**
 * "Plan a meeting" (secretariat): body, kind, title, the zone it is held in (the council's by default), start and end
 * as wall-clock times of that zone (the end follows a moved start), the place or the online link; while the time is
 * being chosen, each member state's capital with its local times and whether they fall outside working hours.
 * Saving creates the meeting (POST …/meetings) and opens its page.
 */
export function PlanMeetingPage() {
  const { t } = useTranslation();
  const { membership, council, isLoading } = useCurrentCouncil();
  const councilId = membership?.councilId;
  const bodies = useBodies(councilId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [bodyId, setBodyId] = useState('');
  const [kind, setKind] = useState<MeetingKind>('working_group');
  const [title, setTitle] = useState('');
  const [chosenZone, setZone] = useState<string | undefined>();
  const zone = chosenZone ?? council?.timeZone ?? 'UTC';
  const [start, setStart] = useState<CalendarDateTime | null>(null);
  const [end, setEnd] = useState<CalendarDateTime | null>(null);
  const [venue, setVenue] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const ids = { body: useId(), kind: useId(), zone: useId() };
  // A first proposal: four weeks from today, 10:00–13:00 in the meeting's zone.
  const startValue = start ?? dayAhead(zone, 28, 10);
  const endValue = end ?? startValue.add({ hours: 3 });
  const startsAt = wallToInstant(startValue, zone);
  const endsAt = wallToInstant(endValue, zone);

  const create = useMutation({
    mutationFn: async (body: CreateMeeting) => data(await api.POST('/councils/{councilId}/meetings', { params: { path: { councilId: councilId! } }, body })),
    onSuccess: (meeting) => {
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      void navigate({ to: '/meetings/$meetingId', params: { meetingId: meeting.id } });
    },
  });
  const errors = fieldErrors(create.error);

  const title_ = t('scheduling.plan.title');
  if (isLoading) return <Loading />;
  if (!membership || !councilId) {
    return <Unavailable title={title_}>{t('meetings.noCouncil')}</Unavailable>;
  }
  if (membership.role !== 'secretariat') {
    return (
      <section>
        <PageHeading title={title_}>{title_}</PageHeading>
        <p>{t('scheduling.secretariatOnly')}</p>
        <p>
          <Link to="/meetings">{t('meetings.back')}</Link>
        </p>
      </section>
    );
  }

  const changeStart = (next: CalendarDateTime | null) => {
    if (next) setEnd(shiftBy(endValue, startValue, next));
    setStart(next);
  };
  const submit = () => {
    if (create.isPending || !startsAt || !endsAt || !title.trim()) return;
    create.mutate({
      kind,
      title: title.trim(),
      startsAt,
      endsAt,
      timeZone: zone,
      ...(bodyId ? { bodyId } : {}),
      ...(venue.trim() ? { venue: venue.trim() } : {}),
      ...(onlineUrl.trim() ? { onlineUrl: onlineUrl.trim() } : {}),
    });
  };
  const inZone = t('scheduling.plan.inZone', { zone: zoneCity(zone) });

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/meetings">{t('meetings.back')}</Link>
      </p>
      <PageHeading title={title_}>{title_}</PageHeading>
      <p className="lead">{t('scheduling.plan.lead')}</p>
      <div className="planning">
        <Form
          className="form plan-form"
          aria-label={title_}
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="field">
            <label htmlFor={ids.body}>{t('meetings.colBody')}</label>
            <select id={ids.body} value={bodyId} onChange={(e) => setBodyId(e.target.value)}>
              <option value="">{t('meetings.councilItself')}</option>
              {(bodies.data ?? []).map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
            {errors.bodyId && <p className="field-error">{errors.bodyId}</p>}
          </div>
          <div className="field">
            <label htmlFor={ids.kind}>{t('meetings.colKind')}</label>
            <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
              {MEETING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`meetings.kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField className="field" isRequired value={title} onChange={setTitle} maxLength={200} isInvalid={!!errors.title}>
            <Label>{t('scheduling.plan.meetingTitle')}</Label>
            <Input />
            {errors.title && <p className="field-error">{errors.title}</p>}
          </TextField>
          <div className="field">
            <label htmlFor={ids.zone}>{t('scheduling.plan.zone')}</label>
            <select id={ids.zone} value={zone} onChange={(e) => setZone(e.target.value)}>
              {zoneOptions(council?.timeZone ?? zone).map((z) => (
                <option key={z} value={z}>
                  {z === council?.timeZone ? t('scheduling.plan.councilZone', { zone: z }) : z}
                </option>
              ))}
            </select>
            {errors.timeZone && <p className="field-error">{errors.timeZone}</p>}
          </div>
          <DateTimePicker
            label={t('scheduling.plan.start')}
            value={startValue}
            onChange={changeStart}
            description={inZone}
            error={errors.startsAt}
            isRequired
          />
          <DateTimePicker label={t('scheduling.plan.end')} value={endValue} onChange={setEnd} description={inZone} error={errors.endsAt} isRequired />
          <TextField className="field" value={venue} onChange={setVenue} maxLength={500} isInvalid={!!errors.venue}>
            <Label>{t('scheduling.plan.venue')}</Label>
            <Input />
            {errors.venue && <p className="field-error">{errors.venue}</p>}
          </TextField>
          <TextField className="field" type="url" value={onlineUrl} onChange={setOnlineUrl} maxLength={500} isInvalid={!!errors.onlineUrl}>
            <Label>{t('scheduling.plan.onlineUrl')}</Label>
            <Input />
            {errors.onlineUrl && <p className="field-error">{errors.onlineUrl}</p>}
          </TextField>
          <Refusal error={create.error} zone={zone} />
          <Button type="submit" className="button" isDisabled={create.isPending}>
            {t('scheduling.plan.save')}
          </Button>
        </Form>
        <CapitalsTable councilId={councilId} start={startsAt} end={endsAt} />
      </div>
    </section>
  );
}
