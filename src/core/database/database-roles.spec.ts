import { quoteIdent, roleOf, withRole } from './database-roles.js';

describe('database roles', () => {
  it('reads and swaps the role of a connection string', () => {
    expect(roleOf('postgres://protempore_app:pw@db:5432/app')).toBe('protempore_app');
    expect(roleOf('postgres://we%40ird@db/app')).toBe('we@ird');
    expect(roleOf('postgres://db/app')).toBeUndefined();
    expect(withRole('postgres://owner:secret@db:5432/app?sslmode=require', 'protempore_app')).toBe('postgres://protempore_app@db:5432/app?sslmode=require');
  });

  it('quotes identifiers', () => {
    expect(quoteIdent('protempore_app')).toBe('"protempore_app"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
  });
});
