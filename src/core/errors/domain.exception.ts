import type { Permission } from '../auth/permissions.js';
import type { ErrorCode } from './error-codes.js';

/**
 * A rule of the domain was broken. Each carries a stable code, the HTTP
 * status it maps to, and (for input errors) the field and rule concerned.
 * One filter turns them into responses; the worker logs them with the same code.
 */
export interface FieldProblem {
  field: string;
  rule: string;
  message: string;
}

export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly problems: FieldProblem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundException extends DomainException {
  constructor(entity: string, id: string) {
    super('NOT_FOUND', 404, `${entity} ${id} was not found`, [], { entity, id });
  }
}

/**
 * 403: the caller may not do this — `permission` names the permission their role in the council does not give
 * (it goes into the details), or, with null, `message` says which rule of who acts refused them.
 */
export class ForbiddenException extends DomainException {
  constructor(permission: Permission | null, message?: string, details: Record<string, unknown> = {}) {
    super(
      'FORBIDDEN',
      403,
      message ?? `this needs the permission ${permission}, which your role in this council does not give`,
      [],
      permission ? { permission, ...details } : details,
    );
  }
}

export class ConflictException extends DomainException {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, field?: string) {
    super(code, 409, message, field ? [{ field, rule: code.toLowerCase(), message }] : [], details);
  }
}

export class InvalidInputException extends DomainException {
  constructor(field: string, rule: string, message: string) {
    super('VALIDATION_FAILED', 400, message, [{ field, rule, message }]);
  }
}

export class StaleVersionException extends DomainException {
  constructor(entity: string, id: string, expected: number) {
    super('STALE_VERSION', 409, `${entity} ${id} was changed by someone else (version ${expected} is no longer current); reload and retry`, [
      { field: 'version', rule: 'current_version', message: 'version is not the current one' },
    ]);
  }
}
