import { localDateTime, localDateTimeRange, localCalendarDate, relativeDays, zoneLabel, isKnownTimeZone } from './local-date-time.js';

// Toronto moves to summer time on Sunday 2026-03-08 at 02:00 (UTC−5 → UTC−4).
// Mexico City has had no summer time since the end of October 2022: UTC−6 all year.
const FRIDAY_BEFORE_DST = new Date('2026-03-06T15:00:00Z');
const MONDAY_AFTER_DST = new Date('2026-03-09T14:00:00Z');
const MIDSUMMER = new Date('2026-07-01T14:00:00Z');

describe('localDateTime', () => {
  it('formats for each language, with the zone name and offset', () => {
    expect(localDateTime(MONDAY_AFTER_DST, 'America/Mexico_City', 'es')).toBe('lunes, 9 de marzo de 2026, 08:00 (hora estándar central, GMT-6)');
    expect(localDateTime(MONDAY_AFTER_DST, 'America/Toronto', 'en')).toBe('Monday, March 9, 2026, 10:00 AM (Eastern Daylight Time, GMT-4)');
    expect(localDateTime(MONDAY_AFTER_DST, 'America/Toronto', 'fr')).toBe('lundi 9 mars 2026, 10 h 00 (heure avancée de l’Est, UTC−4)');
    expect(localDateTime(MONDAY_AFTER_DST, 'America/Sao_Paulo', 'pt')).toBe('segunda-feira, 9 de março de 2026, 11:00 (Horário Padrão de Brasília, GMT-3)');
  });

  it('follows the DST change in Toronto: same wall-clock time, different offset', () => {
    expect(localDateTime(FRIDAY_BEFORE_DST, 'America/Toronto', 'en')).toBe('Friday, March 6, 2026, 10:00 AM (Eastern Standard Time, GMT-5)');
    expect(localDateTime(MONDAY_AFTER_DST, 'America/Toronto', 'en')).toBe('Monday, March 9, 2026, 10:00 AM (Eastern Daylight Time, GMT-4)');
    expect(localDateTime(FRIDAY_BEFORE_DST, 'America/Toronto', 'es')).toContain('10:00 (hora estándar oriental, GMT-5)');
    expect(localDateTime(MONDAY_AFTER_DST, 'America/Toronto', 'es')).toContain('10:00 (hora de verano oriental, GMT-4)');
  });

  it('keeps Mexico City at UTC−6 all year (no DST since 2022)', () => {
    expect(localDateTime(FRIDAY_BEFORE_DST, 'America/Mexico_City', 'es')).toBe('viernes, 6 de marzo de 2026, 09:00 (hora estándar central, GMT-6)');
    expect(localDateTime(MONDAY_AFTER_DST, 'America/Mexico_City', 'es')).toContain('08:00 (hora estándar central, GMT-6)');
    expect(localDateTime(MIDSUMMER, 'America/Mexico_City', 'es')).toBe('miércoles, 1 de julio de 2026, 08:00 (hora estándar central, GMT-6)');
    expect(localDateTime(MIDSUMMER, 'America/Mexico_City', 'pt')).toContain('08:00 (Horário Padrão Central, GMT-6)');
  });

  it('shows the local date, which may differ from the UTC date', () => {
    const lateEvening = new Date('2026-03-10T03:30:00Z');
    expect(localDateTime(lateEvening, 'America/Mexico_City', 'en')).toBe('Monday, March 9, 2026, 9:30 PM (Central Standard Time, GMT-6)');
    expect(localDateTime(lateEvening, 'Asia/Kolkata', 'en')).toBe('Tuesday, March 10, 2026, 9:00 AM (India Standard Time, GMT+5:30)');
  });

  it('names UTC plainly', () => {
    expect(localDateTime(MONDAY_AFTER_DST, 'UTC', 'fr')).toBe('lundi 9 mars 2026, 14 h 00 (UTC)');
  });

  it('refuses an unknown zone or an invalid date', () => {
    expect(() => localDateTime(MONDAY_AFTER_DST, 'Mars/Olympus_Mons', 'es')).toThrow(RangeError);
    expect(() => localDateTime(new Date('nope'), 'UTC', 'es')).toThrow(RangeError);
  });
});

describe('localDateTimeRange', () => {
  it('writes the day once when both ends fall on the same local day', () => {
    expect(localDateTimeRange(MONDAY_AFTER_DST, new Date('2026-03-09T16:00:00Z'), 'America/Toronto', 'es')).toBe(
      'lunes, 9 de marzo de 2026, 10:00–12:00 (hora de verano oriental, GMT-4)',
    );
  });

  it('writes both ends in full across midnight or across a DST change', () => {
    const acrossMidnight = localDateTimeRange(new Date('2026-03-10T03:00:00Z'), new Date('2026-03-10T07:00:00Z'), 'America/Mexico_City', 'en');
    expect(acrossMidnight).toBe(
      'Monday, March 9, 2026, 9:00 PM (Central Standard Time, GMT-6) – Tuesday, March 10, 2026, 1:00 AM (Central Standard Time, GMT-6)',
    );
    // Saturday 23:00 EST → Sunday 04:00 EDT (the clocks jumped at 02:00).
    const acrossDst = localDateTimeRange(new Date('2026-03-08T04:00:00Z'), new Date('2026-03-08T08:00:00Z'), 'America/Toronto', 'en');
    expect(acrossDst).toBe('Saturday, March 7, 2026, 11:00 PM (Eastern Standard Time, GMT-5) – Sunday, March 8, 2026, 4:00 AM (Eastern Daylight Time, GMT-4)');
  });
});

describe('helpers', () => {
  it('formats a local calendar date and leaves anything else as given', () => {
    expect(localCalendarDate('2026-03-09', 'es')).toBe('lunes, 9 de marzo de 2026');
    expect(localCalendarDate('2026-03-09', 'pt')).toBe('segunda-feira, 9 de março de 2026');
    expect(localCalendarDate('9 March', 'en')).toBe('9 March');
  });

  it('says relative days the way each language does', () => {
    expect([0, 1, 7].map((d) => relativeDays(d, 'es'))).toEqual(['hoy', 'mañana', 'dentro de 7 días']);
    expect([0, 1, 7].map((d) => relativeDays(d, 'en'))).toEqual(['today', 'tomorrow', 'in 7 days']);
    expect([0, 1, 7].map((d) => relativeDays(d, 'fr'))).toEqual(['aujourd’hui', 'demain', 'dans 7 jours']);
    expect([0, 1, 7].map((d) => relativeDays(d, 'pt'))).toEqual(['hoje', 'amanhã', 'em 7 dias']);
  });

  it('labels the zone with its name and offset', () => {
    expect(zoneLabel(FRIDAY_BEFORE_DST, 'America/Toronto', 'pt')).toBe('Horário Padrão do Leste, GMT-5');
  });

  it('knows IANA zones only', () => {
    expect(isKnownTimeZone('America/Port-au-Prince')).toBe(true);
    expect(isKnownTimeZone('Central Time')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
    expect(isKnownTimeZone(undefined)).toBe(false);
  });
});
