import { loadConfig } from '../config/app-config.js';
import { metricsAccess } from './metrics-access.js';

const TOKEN = 'scraper-token-0123456789';
const base = { DATABASE_URL: 'postgres://u@localhost/db', JWT_SECRET: 'x'.repeat(32) };

describe('who may read /metrics', () => {
  it('is open to anyone in development (the zero-config default), closed in production and test', () => {
    expect(loadConfig({ ...base }).metrics.public).toBe(true);
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).metrics.public).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).metrics.public).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: 'production', METRICS_PUBLIC: 'true' }).metrics.public).toBe(true);
  });

  it('refuses a short or odd METRICS_TOKEN, and a bad METRICS_PORT, naming the variable', () => {
    expect(() => loadConfig({ ...base, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ ...base, METRICS_TOKEN: 'has spaces in it, sixteen+' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ ...base, METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
    expect(loadConfig({ ...base }).metrics.workerPort).toBe(9464);
  });

  it('takes the bearer METRICS_TOKEN, else asks whether the token is an administrator’s', async () => {
    const closed = { metrics: { public: false, token: TOKEN, workerPort: 0 } };
    expect(await metricsAccess(closed, `Bearer ${TOKEN}`)).toBe('open');
    expect(await metricsAccess(closed, undefined)).toBe('unauthenticated');
    expect(await metricsAccess(closed, TOKEN)).toBe('unauthenticated');
    expect(await metricsAccess(closed, `Bearer ${TOKEN}0`)).toBe('unauthenticated');
    expect(await metricsAccess(closed, ['a', 'b'])).toBe('unauthenticated');
    expect(await metricsAccess(closed, 'Bearer jwt', async () => 'admin')).toBe('open');
    expect(await metricsAccess(closed, 'Bearer jwt', async () => 'signed-in')).toBe('forbidden');
    expect(await metricsAccess(closed, 'Bearer jwt', async () => 'invalid')).toBe('unauthenticated');
    expect(await metricsAccess({ metrics: { public: false, token: undefined, workerPort: 0 } }, `Bearer ${TOKEN}`)).toBe('unauthenticated');
    expect(await metricsAccess({ metrics: { public: true, token: undefined, workerPort: 0 } }, undefined)).toBe('open');
  });
});
