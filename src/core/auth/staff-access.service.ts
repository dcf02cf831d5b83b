import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessTokenService, InvalidTokenError } from './access-token.service.js';

/**
 * For pages outside the route table (Swagger UI): is the bearer of this
 * Authorization header a system administrator or secretariat staff of some council?
 */
@Injectable()
export class StaffAccessService {
  constructor(
    private readonly tokens: AccessTokenService,
    private readonly db: DataSource,
  ) {}

  async isStaff(authorization: string | undefined): Promise<boolean> {
    const match = authorization ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization) : null;
    if (!match) return false;
    let userId: string;
    try {
      userId = await this.tokens.verify(match[1]!);
    } catch (err) {
      if (err instanceof InvalidTokenError) return false;
      throw err;
    }
    const rows = (await this.db.query(
      `SELECT u.is_admin OR EXISTS (SELECT 1 FROM council_roles cr WHERE cr.user_id = u.id AND cr.role = 'secretariat') AS staff
         FROM users u WHERE u.id = $1 AND u.disabled_at IS NULL`,
      [userId],
    )) as { staff: boolean }[];
    return rows[0]?.staff === true;
  }
}
