import type { DataSource } from 'typeorm';

export interface SeedReport {
  councilId: string;
  created: boolean;
}

/** Placeholder: replaced by the demo council seed. */
export async function seedDemoCouncil(_db: DataSource, _now: Date = new Date()): Promise<SeedReport> {
  return { councilId: '', created: false };
}
