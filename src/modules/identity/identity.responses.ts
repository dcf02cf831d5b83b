import type { CouncilUserRow } from './council-roles.repository.js';
import type { CouncilUserResponse } from './dto/council-user.response.js';
import type { SetupLinkResponse } from './dto/setup-link.response.js';
import type { UserResponse } from './dto/user.response.js';
import type { IssuedLink } from './password-links.service.js';
import type { UserRow } from './users.repository.js';

/** Accounts, council users and password links as the API answers them. */
export function userResponse(row: UserRow): UserResponse {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    isAdmin: row.is_admin,
    hasPassword: row.has_password,
    disabledAt: row.disabled_at ? row.disabled_at.toISOString() : null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function councilUserResponse(row: CouncilUserRow): CouncilUserResponse {
  return {
    id: row.user_id,
    councilId: row.council_id,
    email: row.email,
    fullName: row.full_name,
    role: row.role,
    delegateId: row.delegate_id,
    delegationId: row.delegation_id,
    hasPassword: row.has_password,
    disabled: row.disabled,
    grantedAt: row.granted_at.toISOString(),
  };
}

/** The link itself is never returned: only that it is on its way, where, and until when it works. */
export function setupLinkResponse(link: IssuedLink): SetupLinkResponse {
  return { linkEmailed: true, email: link.email, expiresAt: link.expiresAt };
}
