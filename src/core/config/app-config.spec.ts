import { ConfigError, loadBootConfig, loadConfig } from './app-config.js';

const base = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' };

describe('configuration', () => {
  it('defaults every optional setting', () => {
    const c = loadConfig(base);
    expect(c).toMatchObject({ nodeEnv: 'development', port: 3000, redisUrl: undefined, migrateOnStart: true, queueSchema: 'bullmq' });
  });

  it('does not migrate at boot in production unless told to', () => {
    const production = { ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig(production).migrateOnStart).toBe(false);
    expect(loadConfig({ ...production, MIGRATE_ON_START: 'true' }).migrateOnStart).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ SMTP_URL: 'mailto:x@y' }, 'SMTP_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ MIGRATE_ON_START: 'maybe' }, 'MIGRATE_ON_START'],
    [{ QUEUE_SCHEMA: 'Drop Table' }, 'QUEUE_SCHEMA'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(variable);
  });

  it('migrates as DATABASE_URL unless MIGRATION_DATABASE_URL names the schema owner of the same database', () => {
    expect(loadConfig(base).migrationDatabaseUrl).toBe(base.DATABASE_URL);
    const owner = 'postgres://owner:secret@127.0.0.1:5432/db';
    expect(loadConfig({ ...base, MIGRATION_DATABASE_URL: owner })).toMatchObject({ databaseUrl: base.DATABASE_URL, migrationDatabaseUrl: owner });
    expect(
      loadConfig({ DATABASE_URL: 'postgres://u@db.example/app', MIGRATION_DATABASE_URL: 'postgres://o@db.example:5432/app' }).migrationDatabaseUrl,
    ).toContain('o@');
    for (const other of [
      'postgres://owner@127.0.0.1:5432/other',
      'postgres://owner@10.0.0.1:5432/db',
      'postgres://owner@127.0.0.1:5433/db',
      'http://owner@127.0.0.1/db',
    ]) {
      expect(() => loadConfig({ ...base, MIGRATION_DATABASE_URL: other })).toThrow('MIGRATION_DATABASE_URL');
    }
  });

  it('needs DATABASE_URL outside the launcher', () => {
    expect(() => loadConfig({})).toThrow('DATABASE_URL');
  });

  it('lets the launcher boot with nothing set', () => {
    expect(loadBootConfig({})).toMatchObject({ databaseUrl: undefined, redisUrl: undefined, smtpUrl: undefined, port: 3000 });
  });
});
