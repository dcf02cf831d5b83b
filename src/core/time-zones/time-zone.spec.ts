import { isIanaTimeZone, isSupportedTimeZone, setDatabaseTimeZones } from './time-zone.js';

describe('isIanaTimeZone', () => {
  it.each(['UTC', 'Etc/UTC', 'America/Mexico_City', 'America/Port-au-Prince', 'Europe/Paris', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata', 'Etc/GMT+5'])(
    'accepts %s',
    (zone) => {
      expect(isIanaTimeZone(zone)).toBe(true);
    },
  );

  it.each(['', 'utc', 'Mars/Olympus_Mons', '+05:00', 'GMT+05:00', 'america/mexico_city', 'Central Time', 42, null, undefined])('refuses %p', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(false);
  });
});

describe('isSupportedTimeZone', () => {
  it('needs both the runtime and the database to know the zone', () => {
    setDatabaseTimeZones(['UTC', 'America/Mexico_City', 'Not/Icu_Zone']);
    expect(isSupportedTimeZone('America/Mexico_City')).toBe(true);
    expect(isSupportedTimeZone('UTC')).toBe(true);
    // ICU knows it, the database does not.
    expect(isIanaTimeZone('US/Pacific-New')).toBe(true);
    expect(isSupportedTimeZone('US/Pacific-New')).toBe(false);
    // The database lists it, ICU does not.
    expect(isSupportedTimeZone('Not/Icu_Zone')).toBe(false);
    expect(isSupportedTimeZone(null)).toBe(false);
  });
});
