import { type CalendarDate, Time, today } from '@internationalized/date';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { Button, Form, Input, Label, NumberField, Radio, RadioGroup, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api, data, type Schemas } from '../../api/client';
import { useCurrentCouncil } from '../../app/queries';
import { Loading, PageHeading, Unavailable } from '../../components/Page';
import { fieldErrors, MEETING_KINDS, type MeetingKind, Refusal } from '../meetings/meeting-bits';
import { useBodies } from '../meetings/MeetingsPage';
import { DateOnlyPicker, TimePicker } from '../meetings/planning/pickers';
import { hhmm, plainDate, zoneCity, zoneOptions } from '../meetings/planning/zoned';
import { seriesKey, seriesSummary, WEEKDAYS, type WeekOfMonth, WEEKS_OF_MONTH, type Weekday, weekdayName } from './summary';

type CreateSeries = Schemas['CreateSeriesDto'];

/**
 * A new recurring series (POST /councils/{id}/series): what meets (body, kind, title), the rule (every n weeks on a
 * weekday, or the nth weekday every n months), the local start time and length in the series' zone, from which date
 * and until when (a number of meetings or a last date); the rule is read back in words while it is being written.
 */
export function NewSeriesPage() {
  const { t, i18n } = useTranslation();
  const { membership, council, isLoading } = useCurrentCouncil();
  const councilId = membership?.councilId;
  const bodies = useBodies(councilId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [bodyId, setBodyId] = useState('');
  const [kind, setKind] = useState<MeetingKind>('working_group');
  const [title, setTitle] = useState('');
  const [frequency, setFrequency] = useState<'weekly' | 'monthly'>('weekly');
  const [interval, setEvery] = useState(1);
  const [weekday, setWeekday] = useState<Weekday>('TU');
  const [weekOfMonth, setWeekOfMonth] = useState<WeekOfMonth>(1);
  const [startTime, setStartTime] = useState<Time | null>(new Time(10, 0));
  const [duration, setDuration] = useState(120);
  const [chosenZone, setZone] = useState<string | undefined>();
  const zone = chosenZone ?? council?.timeZone ?? 'UTC';
  const [firstDate, setFirstDate] = useState<CalendarDate | null>(null);
  const [ending, setEnding] = useState<'count' | 'until'>('count');
  const [count, setCount] = useState(6);
  const [untilDate, setUntilDate] = useState<CalendarDate | null>(null);
  const ids = { body: useId(), kind: useId(), frequency: useId(), weekday: useId(), nth: useId(), zone: useId(), summary: useId() };
  const firstValue = firstDate ?? today(zone).add({ days: 1 });

  const create = useMutation({
    mutationFn: async (body: CreateSeries) => data(await api.POST('/councils/{councilId}/series', { params: { path: { councilId: councilId! } }, body })),
    onSuccess: (series) => {
      queryClient.setQueryData(seriesKey(councilId, series.id), series);
      void queryClient.invalidateQueries({ queryKey: ['meetings'] });
      void queryClient.invalidateQueries({ queryKey: ['series-list'] });
      void navigate({ to: '/series/$seriesId', params: { seriesId: series.id } });
    },
  });
  const errors = fieldErrors(create.error);
  const heading = t('scheduling.series.newTitle');
  if (isLoading) return <Loading />;
  if (!membership || !councilId) {
    return <Unavailable title={heading}>{t('meetings.noCouncil')}</Unavailable>;
  }
  if (membership.role !== 'secretariat') {
    return <Unavailable title={heading}>{t('scheduling.secretariatOnly')}</Unavailable>;
  }
  const time = startTime ? hhmm(startTime) : '';
  const summary = time
    ? seriesSummary(
        t,
        i18n.language,
        {
          frequency,
          interval,
          weekday,
          weekOfMonth,
          startTime: time,
          timeZone: zone,
          count: ending === 'count' ? count : null,
          untilDate: ending === 'until' && untilDate ? plainDate(untilDate) : null,
        },
        true,
      )
    : '';
  const submit = () => {
    if (create.isPending || !time || !title.trim()) return;
    create.mutate({
      kind,
      title: title.trim(),
      ...(bodyId ? { bodyId } : {}),
      startTime: time,
      durationMinutes: duration,
      timeZone: zone,
      recurrence: { frequency, interval, weekday, ...(frequency === 'monthly' ? { weekOfMonth } : {}) },
      firstDate: plainDate(firstValue),
      ...(ending === 'count' ? { count } : untilDate ? { untilDate: plainDate(untilDate) } : {}),
    });
  };

  return (
    <section>
      <p className="breadcrumb">
        <Link to="/series">{t('scheduling.series.back')}</Link>
      </p>
      <PageHeading title={heading}>{heading}</PageHeading>
      <Form
        className="form"
        aria-label={heading}
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
          <Label>{t('scheduling.series.meetingTitle')}</Label>
          <Input />
          {errors.title && <p className="field-error">{errors.title}</p>}
        </TextField>
        <fieldset className="series-rule">
          <legend>{t('scheduling.series.rule')}</legend>
          <div className="field">
            <label htmlFor={ids.frequency}>{t('scheduling.series.frequency')}</label>
            <select id={ids.frequency} value={frequency} onChange={(e) => setFrequency(e.target.value as 'weekly' | 'monthly')}>
              <option value="weekly">{t('scheduling.series.weekly')}</option>
              <option value="monthly">{t('scheduling.series.monthly')}</option>
            </select>
          </div>
          <NumberField className="field" minValue={1} maxValue={12} step={1} value={interval} onChange={(v) => setEvery(Number.isFinite(v) ? v : 1)}>
            <Label>{frequency === 'weekly' ? t('scheduling.series.intervalWeeks') : t('scheduling.series.intervalMonths')}</Label>
            <Input />
          </NumberField>
          {frequency === 'monthly' && (
            <div className="field">
              <label htmlFor={ids.nth}>{t('scheduling.series.weekOfMonth')}</label>
              <select id={ids.nth} value={weekOfMonth} onChange={(e) => setWeekOfMonth(Number(e.target.value) as WeekOfMonth)}>
                {WEEKS_OF_MONTH.map((n) => (
                  <option key={n} value={n}>
                    {t(`scheduling.weekOfMonth.${String(n)}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={ids.weekday}>{t('scheduling.series.weekday')}</label>
            <select id={ids.weekday} value={weekday} onChange={(e) => setWeekday(e.target.value as Weekday)}>
              {WEEKDAYS.map((d) => (
                <option key={d} value={d}>
                  {weekdayName(d, i18n.language)}
                </option>
              ))}
            </select>
          </div>
          {errors.recurrence && <p className="field-error">{errors.recurrence}</p>}
        </fieldset>
        <div className="field">
          <label htmlFor={ids.zone}>{t('scheduling.plan.zone')}</label>
          <select id={ids.zone} value={zone} onChange={(e) => setZone(e.target.value)}>
            {zoneOptions(council?.timeZone ?? zone).map((z) => (
              <option key={z} value={z}>
                {z === council?.timeZone ? t('scheduling.plan.councilZone', { zone: z }) : z}
              </option>
            ))}
          </select>
        </div>
        <TimePicker
          label={t('scheduling.series.startTime')}
          value={startTime}
          onChange={setStartTime}
          description={t('scheduling.plan.inZone', { zone: zoneCity(zone) })}
          error={errors.startTime}
          isRequired
        />
        <NumberField className="field" minValue={1} maxValue={1440} step={15} value={duration} onChange={(v) => setDuration(Number.isFinite(v) ? v : 60)}>
          <Label>{t('scheduling.series.duration')}</Label>
          <Input />
          {errors.durationMinutes && <p className="field-error">{errors.durationMinutes}</p>}
        </NumberField>
        <DateOnlyPicker
          label={t('scheduling.series.firstDate')}
          value={firstValue}
          onChange={setFirstDate}
          description={t('scheduling.series.firstDateHelp')}
          error={errors.firstDate}
          isRequired
        />
        <RadioGroup className="field" value={ending} onChange={(v) => setEnding(v as 'count' | 'until')}>
          <Label>{t('scheduling.series.ends')}</Label>
          <div className="radio-row">
            <Radio value="count" className="radio">
              <span className="radio-dot" aria-hidden="true" />
              {t('scheduling.series.endsCount')}
            </Radio>
            <Radio value="until" className="radio">
              <span className="radio-dot" aria-hidden="true" />
              {t('scheduling.series.endsUntil')}
            </Radio>
          </div>
        </RadioGroup>
        {ending === 'count' ? (
          <NumberField className="field" minValue={1} maxValue={60} step={1} value={count} onChange={(v) => setCount(Number.isFinite(v) ? v : 1)}>
            <Label>{t('scheduling.series.count')}</Label>
            <Input />
            {errors.count && <p className="field-error">{errors.count}</p>}
          </NumberField>
        ) : (
          <DateOnlyPicker label={t('scheduling.series.untilDate')} value={untilDate} onChange={setUntilDate} error={errors.untilDate} isRequired />
        )}
        <div className="series-summary card">
          <h2 id={ids.summary}>{t('scheduling.series.summaryTitle')}</h2>
          <p aria-live="polite" role="status">
            {summary}
          </p>
        </div>
        <Refusal error={create.error} zone={zone} />
        <Button type="submit" className="button" isDisabled={create.isPending}>
          {t('scheduling.series.create')}
        </Button>
      </Form>
    </section>
  );
}
