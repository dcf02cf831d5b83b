import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkingLanguage } from '../councils/entities/council.entity.js';

export interface UserRow {
  id: string;
  email: string;
  full_name: string;
  is_admin: boolean;
  preferred_language: WorkingLanguage;
  time_zone: string;
  has_password: boolean;
  disabled_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, email, full_name, is_admin, preferred_language, time_zone, password_hash IS NOT NULL AS has_password, disabled_at, version, created_at, updated_at`;

/** User accounts. The password hash leaves this repository only through `credentialsByEmail`. */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  /** What sign-in needs; `email` must already be lower-cased. */
  async credentialsByEmail(email: string): Promise<{ id: string; password_hash: string | null; disabled: boolean } | undefined> {
    const rows = (await this.db.query(`SELECT id, password_hash, disabled_at IS NOT NULL AS disabled FROM users WHERE email = $1`, [email])) as {
      id: string;
      password_hash: string | null;
      disabled: boolean;
    }[];
    return rows[0];
  }

  async findById(id: string, em: EntityManager = this.db.manager): Promise<UserRow | undefined> {
    const rows = (await em.query(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id])) as UserRow[];
    return rows[0];
  }

  async findByIdForUpdate(em: EntityManager, id: string): Promise<UserRow | undefined> {
    const rows = (await em.query(`SELECT ${COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id])) as UserRow[];
    return rows[0];
  }

  async findByEmailForUpdate(em: EntityManager, email: string): Promise<UserRow | undefined> {
    const rows = (await em.query(`SELECT ${COLUMNS} FROM users WHERE email = $1 FOR UPDATE`, [email])) as UserRow[];
    return rows[0];
  }

  /** Creates the user unless the email is taken (then undefined: read the existing one). */
  async insertIfNew(em: EntityManager, u: { email: string; fullName: string; preferredLanguage?: string }): Promise<UserRow | undefined> {
    const rows = (await em.query(
      `INSERT INTO users (email, full_name, preferred_language) VALUES ($1, $2, coalesce($3, 'en')) ON CONFLICT (email) DO NOTHING RETURNING ${COLUMNS}`,
      [u.email, u.fullName, u.preferredLanguage ?? null],
    )) as UserRow[];
    return rows[0];
  }

  async setPasswordHash(em: EntityManager, id: string, passwordHash: string): Promise<UserRow | undefined> {
    const rows = (await em.query(`UPDATE users SET password_hash = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`, [
      id,
      passwordHash,
    ])) as [UserRow[], number];
    return rows[0][0];
  }

  /** The person's own settings (language, time zone): the fields given change. */
  async updateProfile(em: EntityManager, id: string, p: { preferredLanguage?: string; timeZone?: string }): Promise<UserRow | undefined> {
    const rows = (await em.query(
      `UPDATE users SET preferred_language = coalesce($2, preferred_language), time_zone = coalesce($3, time_zone), version = version + 1, updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, p.preferredLanguage ?? null, p.timeZone ?? null],
    )) as [UserRow[], number];
    return rows[0][0];
  }

  /** Disables or enables; undefined when the user does not exist or is already in that state. */
  async setDisabled(em: EntityManager, id: string, disabled: boolean): Promise<UserRow | undefined> {
    const rows = (await em.query(
      disabled
        ? `UPDATE users SET disabled_at = now(), version = version + 1, updated_at = now() WHERE id = $1 AND disabled_at IS NULL RETURNING ${COLUMNS}`
        : `UPDATE users SET disabled_at = NULL, version = version + 1, updated_at = now() WHERE id = $1 AND disabled_at IS NOT NULL RETURNING ${COLUMNS}`,
      [id],
    )) as [UserRow[], number];
    return rows[0][0];
  }
}
