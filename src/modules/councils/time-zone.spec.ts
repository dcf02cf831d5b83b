import { isIanaTimeZone } from './time-zone.js';

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
