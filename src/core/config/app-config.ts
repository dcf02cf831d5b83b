import { randomBytes } from 'node:crypto';
import path from 'node:path';

/**
 * The one place that reads the environment. Every variable is parsed and
 * checked here at boot; a bad value stops start-up with a message naming it.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** PostgreSQL connection string of the application's least-privilege role (no DDL). Always set by the time the API or worker boots. */
  databaseUrl: string;
  /** PostgreSQL connection string of the schema owner, used only to migrate (MIGRATION_DATABASE_URL; defaults to databaseUrl: one role for everything). */
  migrationDatabaseUrl: string;
  /** Redis connection string; when absent, BullMQ runs on its PostgreSQL backend. */
  redisUrl: string | undefined;
  /** SMTP connection string (smtp:// or smtps://). Always set by the time the worker boots. */
  smtpUrl: string;
  mailFrom: string;
  /** SMTP connections the worker keeps open (nodemailer's pool). */
  smtpPoolSize: number;
  /** Jobs each queue's worker runs at once. */
  workerConcurrency: number;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Run pending migrations at boot (the zero-config default does); otherwise refuse to start with pending ones. */
  migrateOnStart: boolean;
  /** Schema for BullMQ's PostgreSQL backend tables. */
  queueSchema: string;
  /** Prefix for queue names, so several deployments (or test files) can share a queue server. */
  queuePrefix: string;
  /** How long a worker's hold on a running job lasts without renewal; a job whose worker died runs again after about twice this. */
  queueLockMs: number;
  auth: {
    /** HMAC key of the access tokens (HS256). */
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    passwordLinkTtlHours: number;
  };
  /** Base URL people open (one-time password links point there). */
  publicUrl: string;
  /** Browser origins allowed to call the API; empty = none. */
  corsOrigins: string[];
  /** Requests per minute per client address over the whole API (0 = no limit). */
  rateLimitPerMinute: number;
  /** Sign-in attempts per minute per client address. */
  loginRateLimitPerMinute: number;
  /** Swagger UI open to anyone (development); otherwise it needs a secretariat or administrator token. */
  docsPublic: boolean;
  /** Prometheus metrics: /metrics on the API, and the worker's own listener. */
  metrics: {
    /** Open to anyone (development); otherwise it needs `Authorization: Bearer <token>` (or, on the API, an administrator's access token). */
    public: boolean;
    /** The scrapers' bearer token (METRICS_TOKEN); none = only an administrator's access token (API) opens it outside development. */
    token: string | undefined;
    /** Where the worker serves its own /metrics (and /health/live); 0 = a free port, logged at start. */
    workerPort: number;
  };
  notifications: {
    /** How often the relay moves due outbox rows into the queue. */
    relayIntervalMs: number;
    /** How often the sweeper looks for work the queue lost. */
    sweepIntervalMs: number;
    /** Queued work older than this and still not done is queued again. */
    sweepAfterSeconds: number;
    /** A delivery claimed for sending longer ago than this is taken to have died with its worker. */
    sendLeaseSeconds: number;
    /** How often the digest job looks for users whose digest is due. */
    digestIntervalMs: number;
    /** Local hour at which the daily digest goes out. */
    digestHour: number;
  };
  /** Decisions taken in writing (the silence procedure). */
  silence: {
    /** How far ahead of its circulation a silence deadline must be, at least (default 72 hours, as in the UN General Assembly's practice). */
    minNoticeSeconds: number;
    /** How often the sweeper closes open procedures past their deadline that no close job closed (queue lost, worker down). */
    sweepIntervalMs: number;
  };
  /** Presidency succession and transfer. */
  presidency: {
    /** How often the sweeper transfers (or extends) ended terms not yet succeeded, and queues the coming ends. */
    transferSweepIntervalMs: number;
    /** How often the succession check looks for terms with no successor known when one must be (alerts go out once a month per term). */
    successionCheckIntervalMs: number;
    /** How far in the past a handover's instant (`at`) may lie, at most: the clocks' tolerance. */
    handoverPastToleranceSeconds: number;
  };
  /** The presidency handover's timeline and dossier. */
  handoverTimeline: {
    /** How often the planner (re)schedules the handover reminders of the terms not ended yet. */
    planIntervalMs: number;
    /** How often the job assembles the dossiers of terms entering their dossier window. */
    dossierIntervalMs: number;
  };
  /** Action items. */
  actionItems: {
    /** How often the escalation job puts items overdue by the council's agendaDays on the next senior officials agenda. */
    escalateIntervalMs: number;
  };
  /** Meetings. */
  meetings: {
    /** A session opens from the start of the meeting's day in its zone, or this many minutes before its start when that is earlier. */
    sessionOpenLeadMinutes: number;
  };
  /** Meeting papers. */
  documents: {
    /** Largest file an upload may carry (DOCUMENT_MAX_FILE_BYTES, default 50 MiB); larger → 413. */
    maxFileBytes: number;
  };
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    rule: string,
  ) {
    super(`Invalid configuration: ${variable} ${rule}`);
  }
}

type Env = Record<string, string | undefined>;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  return raw as T;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be an integer (got "${raw}")`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max} (got ${n})`);
  return n;
}

function url(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'must be a URL');
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(name, `must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
  return raw;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw)) return true;
  if (['0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function identifier(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(raw)) throw new ConfigError(name, `must be a lowercase SQL identifier (got "${raw}")`);
  return raw;
}

/** Settings that exist before the embedded parts are provisioned (used by the launcher). */
export function loadBootConfig(env: Env = process.env) {
  return {
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    /** The schema owner's connection, for migrations only (see README, "Database roles"). */
    migrationDatabaseUrl: url(env, 'MIGRATION_DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    port: int(env, 'PORT', 3000, 0, 65535),
    /** Seed the demo council at start even when not on the zero-config default. */
    seedDemo: bool(env, 'SEED_DEMO', false),
    migrateOnStart: bool(env, 'MIGRATE_ON_START', (env.NODE_ENV || 'development') !== 'production'),
  };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const boot = loadBootConfig(env);
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  if (!boot.databaseUrl) throw new ConfigError('DATABASE_URL', 'is required (or start with `npm start`, which provides an embedded PostgreSQL)');
  return {
    nodeEnv,
    port: boot.port,
    host: env.HOST || '0.0.0.0',
    databaseUrl: boot.databaseUrl,
    migrationDatabaseUrl: sameDatabase(boot.databaseUrl, boot.migrationDatabaseUrl),
    redisUrl: boot.redisUrl,
    smtpUrl: boot.smtpUrl ?? 'smtp://127.0.0.1:1025',
    mailFrom: env.MAIL_FROM || 'protempore <no-reply@protempore.local>',
    smtpPoolSize: int(env, 'SMTP_POOL_SIZE', 10, 1, 100),
    workerConcurrency: int(env, 'WORKER_CONCURRENCY', 20, 1, 500),
    dataDir: boot.dataDir,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, nodeEnv === 'test' ? 'silent' : 'info'),
    migrateOnStart: boot.migrateOnStart,
    queueSchema: identifier(env, 'QUEUE_SCHEMA', 'bullmq'),
    queuePrefix: identifier(env, 'QUEUE_PREFIX', 'protempore'),
    queueLockMs: int(env, 'QUEUE_LOCK_MS', 30_000, 1_000, 600_000),
    auth: {
      jwtSecret: jwtSecret(env, nodeEnv),
      accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
      refreshTokenTtlDays: int(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1, 365),
      passwordLinkTtlHours: int(env, 'PASSWORD_LINK_TTL_HOURS', 72, 1, 720),
    },
    publicUrl: (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${boot.port}`).replace(/\/$/, ''),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    rateLimitPerMinute: int(env, 'RATE_LIMIT_PER_MINUTE', 1200, 0, 10_000_000),
    loginRateLimitPerMinute: int(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 10, 1, 10_000),
    docsPublic: bool(env, 'DOCS_PUBLIC', nodeEnv === 'development'),
    metrics: {
      public: bool(env, 'METRICS_PUBLIC', nodeEnv === 'development'),
      token: metricsToken(env),
      workerPort: int(env, 'METRICS_PORT', 9464, 0, 65535),
    },
    notifications: {
      relayIntervalMs: int(env, 'OUTBOX_RELAY_INTERVAL_MS', 1000, 50, 60_000),
      sweepIntervalMs: int(env, 'OUTBOX_SWEEP_INTERVAL_MS', 15_000, 100, 3_600_000),
      sweepAfterSeconds: int(env, 'OUTBOX_SWEEP_AFTER_SECONDS', 60, 1, 86_400),
      sendLeaseSeconds: int(env, 'SEND_LEASE_SECONDS', 120, 1, 86_400),
      digestIntervalMs: int(env, 'DIGEST_INTERVAL_MS', 300_000, 100, 86_400_000),
      digestHour: int(env, 'DIGEST_HOUR', 7, 0, 23),
    },
    silence: {
      minNoticeSeconds: int(env, 'SILENCE_MIN_NOTICE_SECONDS', 72 * 3600, 1, 30 * 86_400),
      sweepIntervalMs: int(env, 'SILENCE_SWEEP_INTERVAL_MS', 60_000, 100, 3_600_000),
    },
    presidency: {
      transferSweepIntervalMs: int(env, 'PRESIDENCY_SWEEP_INTERVAL_MS', 60_000, 100, 3_600_000),
      successionCheckIntervalMs: int(env, 'PRESIDENCY_SUCCESSION_CHECK_INTERVAL_MS', 3_600_000, 100, 86_400_000),
      handoverPastToleranceSeconds: int(env, 'PRESIDENCY_HANDOVER_TOLERANCE_SECONDS', 300, 0, 86_400),
    },
    handoverTimeline: {
      planIntervalMs: int(env, 'HANDOVER_PLAN_INTERVAL_MS', 600_000, 100, 86_400_000),
      dossierIntervalMs: int(env, 'HANDOVER_DOSSIER_INTERVAL_MS', 600_000, 100, 86_400_000),
    },
    actionItems: {
      escalateIntervalMs: int(env, 'ACTION_ITEM_ESCALATE_INTERVAL_MS', 60_000, 100, 86_400_000),
    },
    meetings: {
      sessionOpenLeadMinutes: int(env, 'SESSION_OPEN_LEAD_MINUTES', 60, 0, 1440),
    },
    documents: {
      maxFileBytes: int(env, 'DOCUMENT_MAX_FILE_BYTES', 50 * 1024 * 1024, 1024, 2 * 1024 * 1024 * 1024),
    },
  };
}

/** In production JWT_SECRET is required; elsewhere a missing one is made up per process (tokens then die with it). */
function jwtSecret(env: Env, nodeEnv: string): string {
  const raw = env.JWT_SECRET;
  if (raw === undefined || raw === '') {
    if (nodeEnv === 'production') throw new ConfigError('JWT_SECRET', 'is required in production (32 characters or more)');
    return randomBytes(32).toString('base64url');
  }
  if (raw.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  return raw;
}

/** A scraper's bearer token: long enough not to be guessed, in the characters a bearer token may hold. */
function metricsToken(env: Env): string | undefined {
  const raw = env.METRICS_TOKEN;
  if (raw === undefined || raw === '') return undefined;
  if (!/^[A-Za-z0-9._~+/=-]{16,256}$/.test(raw)) throw new ConfigError('METRICS_TOKEN', 'must be 16 to 256 characters of A-Z a-z 0-9 . _ ~ + / = -');
  return raw;
}

/** The migration connection must reach the database the application uses (only the role may differ). */
function sameDatabase(databaseUrl: string, migrationUrl: string | undefined): string {
  if (!migrationUrl) return databaseUrl;
  const a = new URL(databaseUrl);
  const b = new URL(migrationUrl);
  if (a.hostname !== b.hostname || (a.port || '5432') !== (b.port || '5432') || a.pathname !== b.pathname) {
    throw new ConfigError('MIGRATION_DATABASE_URL', 'must point at the same server and database as DATABASE_URL (only the user may differ)');
  }
  return migrationUrl;
}

function origins(env: Env, name: string): string[] {
  const raw = env[name];
  if (!raw) return [];
  return raw.split(',').map((o) => {
    const origin = o.trim();
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new ConfigError(name, `must be a comma-separated list of origins such as https://portal.example.org (got "${origin}")`);
    }
    if (parsed.origin !== origin) throw new ConfigError(name, `must list bare origins without path (got "${origin}")`);
    return origin;
  });
}

export const APP_CONFIG = Symbol('APP_CONFIG');
