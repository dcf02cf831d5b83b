import { ApiProperty } from '@nestjs/swagger';
import type { UserRow } from '../users.repository.js';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty() isAdmin: boolean;
  @ApiProperty() hasPassword: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) disabledAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: string;

  static from(row: UserRow): UserResponse {
    const r = new UserResponse();
    r.id = row.id;
    r.email = row.email;
    r.fullName = row.full_name;
    r.isAdmin = row.is_admin;
    r.hasPassword = row.has_password;
    r.disabledAt = row.disabled_at ? row.disabled_at.toISOString() : null;
    r.version = row.version;
    r.createdAt = row.created_at.toISOString();
    r.updatedAt = row.updated_at.toISOString();
    return r;
  }
}
