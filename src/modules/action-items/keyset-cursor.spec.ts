import { decodeCursor, encodeCursor } from './keyset-cursor.js';
import { localizedTextProblem } from '../../core/text/localized-text.js';

describe('action item cursors', () => {
  it('round-trips a position', () => {
    const p = { dueDate: '2027-06-30', id: '0b6f0c1e-8a49-4c4e-9a57-2f7f1f1c9a10' };
    expect(decodeCursor(encodeCursor(p))).toEqual(p);
  });

  it('refuses what it did not produce', () => {
    for (const bad of [
      '',
      'not a cursor',
      Buffer.from('2027-06-30|x').toString('base64url'),
      Buffer.from('tomorrow|0b6f0c1e-8a49-4c4e-9a57-2f7f1f1c9a10').toString('base64url'),
    ]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });

  it('refuses a day that does not exist (PostgreSQL would refuse it: never a query error)', () => {
    for (const day of ['2024-02-30', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '0000-01-01']) {
      const bad = Buffer.from(`${day}|0b6f0c1e-8a49-4c4e-9a57-2f7f1f1c9a10`).toString('base64url');
      expect(decodeCursor(bad)).toBeNull();
    }
  });
});

describe('texts per working language', () => {
  const langs = ['es', 'en'];
  it('needs one working language at least, each non-blank', () => {
    expect(localizedTextProblem('title', {}, langs, 10)).toMatchObject({ field: 'title', rule: 'not_empty' });
    expect(localizedTextProblem('title', { fr: 'x' }, langs, 10)).toMatchObject({ field: 'title.fr', rule: 'working_language' });
    expect(localizedTextProblem('title', { es: '  ' }, langs, 10)).toMatchObject({ field: 'title.es', rule: 'not_blank' });
    expect(localizedTextProblem('title', { es: 'x'.repeat(11) }, langs, 10)).toMatchObject({ field: 'title.es', rule: 'max_length' });
    expect(localizedTextProblem('title', { es: 'Plan', en: 'Plan' }, langs, 10)).toBeNull();
  });
});
