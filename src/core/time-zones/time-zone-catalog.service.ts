import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isSupportedTimeZone, setDatabaseTimeZones } from './time-zone.js';

/**
 * Loads, once at boot, the zone names PostgreSQL knows, for `@IsTimeZone()`
 * (class-validator rules cannot be injected, so the names live in
 * `time-zone.ts`). Provided by the database module: the API, the worker and
 * the tests all boot it.
 */
@Injectable()
export class TimeZoneCatalog implements OnModuleInit {
  constructor(private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.load(this.db.manager);
  }

  async load(em: EntityManager): Promise<void> {
    const rows = (await em.query(`SELECT name FROM pg_timezone_names`)) as { name: string }[];
    setDatabaseTimeZones(rows.map((r) => r.name));
  }

  /** A zone both PostgreSQL and the runtime know (what `@IsTimeZone()` accepts). */
  isSupported(zone: unknown): zone is string {
    return isSupportedTimeZone(zone);
  }
}
