import type { CalendarDate, CalendarDateTime, Time } from '@internationalized/date';
import type { ReactNode } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Label,
  Popover,
  Text,
  TimeField,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import '../../../styles/scheduling.css';

interface PickerProps<T> {
  label: string;
  value: T | null;
  onChange: (value: T | null) => void;
  description?: ReactNode;
  /** The API's refusal of this field, in its words. */
  error?: string;
  isRequired?: boolean;
}

/** The month calendar of a date picker's pop-over (keyboard: arrows, Page Up/Down; Escape closes). */
function PickerCalendar() {
  const { t } = useTranslation();
  return (
    <Popover className="picker-popover">
      <Dialog className="picker-dialog" aria-label={t('scheduling.calendarDialog')}>
        <Calendar className="picker-calendar">
          <header className="picker-calendar-header">
            <Button slot="previous" className="button button-quiet">
              ‹
            </Button>
            <Heading />
            <Button slot="next" className="button button-quiet">
              ›
            </Button>
          </header>
          <CalendarGrid>{(date) => <CalendarCell date={date} className="picker-cell" />}</CalendarGrid>
        </Calendar>
      </Dialog>
    </Popover>
  );
}

/** A date and time of day (to the minute), typed segment by segment or picked from a calendar; wall-clock time of a zone named in the label. */
export function DateTimePicker({ label, value, onChange, description, error, isRequired }: PickerProps<CalendarDateTime>) {
  const { t } = useTranslation();
  return (
    <DatePicker<CalendarDateTime>
      className="field picker"
      granularity="minute"
      hourCycle={24}
      value={value}
      onChange={onChange}
      isRequired={isRequired}
      isInvalid={!!error}
      shouldForceLeadingZeros
    >
      <Label>{label}</Label>
      <Group className="picker-group">
        <DateInput className="picker-input">{(segment) => <DateSegment segment={segment} className="picker-segment" />}</DateInput>
        <Button className="button button-quiet picker-open" aria-label={t('scheduling.openCalendar', { field: label })}>
          ▾
        </Button>
      </Group>
      {description && (
        <Text slot="description" className="muted small">
          {description}
        </Text>
      )}
      {error && <FieldError className="field-error">{error}</FieldError>}
      <PickerCalendar />
    </DatePicker>
  );
}

/** A calendar date only (a series' first or last date). */
export function DateOnlyPicker({ label, value, onChange, description, error, isRequired }: PickerProps<CalendarDate>) {
  const { t } = useTranslation();
  return (
    <DatePicker<CalendarDate> className="field picker" value={value} onChange={onChange} isRequired={isRequired} isInvalid={!!error} shouldForceLeadingZeros>
      <Label>{label}</Label>
      <Group className="picker-group">
        <DateInput className="picker-input">{(segment) => <DateSegment segment={segment} className="picker-segment" />}</DateInput>
        <Button className="button button-quiet picker-open" aria-label={t('scheduling.openCalendar', { field: label })}>
          ▾
        </Button>
      </Group>
      {description && (
        <Text slot="description" className="muted small">
          {description}
        </Text>
      )}
      {error && <FieldError className="field-error">{error}</FieldError>}
      <PickerCalendar />
    </DatePicker>
  );
}

/** A time of day (24-hour) only (a series' local start time). */
export function TimePicker({ label, value, onChange, description, error, isRequired }: PickerProps<Time>) {
  return (
    <TimeField<Time>
      className="field picker"
      value={value}
      onChange={onChange}
      hourCycle={24}
      isRequired={isRequired}
      isInvalid={!!error}
      shouldForceLeadingZeros
    >
      <Label>{label}</Label>
      <DateInput className="picker-input picker-group">{(segment) => <DateSegment segment={segment} className="picker-segment" />}</DateInput>
      {description && (
        <Text slot="description" className="muted small">
          {description}
        </Text>
      )}
      {error && <FieldError className="field-error">{error}</FieldError>}
    </TimeField>
  );
}
