import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictException, NotFoundException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { CouncilsRepository } from '../councils/councils.repository.js';
import { CouncilRolesRepository } from './council-roles.repository.js';
import type { AppointSecretariatDto } from './dto/appoint-secretariat.dto.js';
import { CouncilUserListResponse } from './dto/council-user-list.response.js';
import { SecretariatAppointmentResponse } from './dto/secretariat-appointment.response.js';
import { PasswordLinksService } from './password-links.service.js';
import { UsersRepository } from './users.repository.js';
import { councilUserResponse } from './identity.responses.js';

/**
 * A council's secretariat as the system administrator appoints it: the way a new
 * council gets its first staff (who then manage the council's accounts at
 * /councils/:id/users). Only the secretariat role, in this council only.
 *
 * The administrator may issue a password link for any account (as
 * POST /users/:id/setup-link does), so the cross-council guard that keeps one
 * council's staff from taking over another's accounts does not stand in the way
 * here; a link goes only to an enabled account with no password yet.
 */
@Injectable()
export class CouncilSecretariatService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly roles: CouncilRolesRepository,
    private readonly councils: CouncilsRepository,
    private readonly links: PasswordLinksService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Gives the person the secretariat role in the council, creating the account when the email is new (in
   * `preferredLanguage`, else the council's first working language). A person with no password gets the
   * one-time set-password link by email (the outbox, in this transaction). Refused (409) for a disabled account
   * and for someone who already has a role in the council (ALREADY_SECRETARIAT, or ROLE_EXISTS for a delegate).
   */
  async appoint(councilId: string, dto: AppointSecretariatDto): Promise<SecretariatAppointmentResponse> {
    const email = dto.email.trim().toLowerCase();
    return this.db.transaction(async (em) => {
      const council = await this.councils.findForUpdate(em, councilId);
      if (!council) throw new NotFoundException('council', councilId);

      let user = await this.users.insertIfNew(em, {
        email,
        fullName: dto.fullName.trim(),
        preferredLanguage: dto.preferredLanguage ?? council.workingLanguages[0],
      });
      const accountCreated = user !== undefined;
      if (user) {
        await this.audit.record(em, {
          councilId,
          action: 'user.created',
          entityType: 'user',
          entityId: user.id,
          after: { email: user.email, fullName: user.full_name },
        });
      } else {
        user = (await this.users.findByEmailForUpdate(em, email))!;
        if (user.disabled_at !== null) throw new ConflictException('USER_DISABLED', 'the account is disabled: enable it first', { userId: user.id }, 'email');
        const existing = await this.roles.findInCouncil(councilId, user.id, em);
        if (existing?.role === 'secretariat') {
          throw new ConflictException('ALREADY_SECRETARIAT', 'this person is already secretariat of the council', { userId: user.id }, 'email');
        }
        if (existing) {
          throw new ConflictException(
            'ROLE_EXISTS',
            'this person already has a role in the council; remove it first to change it',
            { userId: user.id, role: existing.role },
            'email',
          );
        }
      }
      await this.roles.insert(em, { userId: user.id, councilId, role: 'secretariat', delegateId: null });
      const appointed = councilUserResponse((await this.roles.findInCouncil(councilId, user.id, em))!);
      await this.audit.record(em, {
        councilId,
        action: 'secretariat.appointed',
        entityType: 'user',
        entityId: user.id,
        after: { ...appointed, accountCreated },
      });

      const result = new SecretariatAppointmentResponse();
      result.user = appointed;
      result.accountCreated = accountCreated;
      result.linkEmailed = !user.has_password;
      if (result.linkEmailed) {
        const link = await this.links.issue(em, user.id, councilId);
        await this.audit.record(em, {
          councilId,
          action: 'user.setup_link_issued',
          entityType: 'user',
          entityId: user.id,
          after: { expiresAt: link.expiresAt, emailedTo: link.email },
        });
      }
      return result;
    });
  }

  async list(councilId: string): Promise<CouncilUserListResponse> {
    const rows = await this.roles.secretariatOf(councilId);
    if (rows.length === 0 && !(await this.councils.exists(councilId))) throw new NotFoundException('council', councilId);
    const list = new CouncilUserListResponse();
    list.items = rows.map((r) => councilUserResponse(r));
    return list;
  }

  /**
   * Takes the secretariat role away (the account and its roles elsewhere stay; access ends with the next
   * request, as roles are read per request). Removing the last one is allowed — the administrator can appoint
   * again — and the audit row says how many remain.
   */
  async remove(councilId: string, userId: string): Promise<void> {
    await this.db.transaction(async (em) => {
      if (!(await this.councils.lockForChange(em, councilId))) throw new NotFoundException('council', councilId);
      const current = await this.roles.findInCouncil(councilId, userId, em);
      if (current?.role !== 'secretariat' || !(await this.roles.deleteSecretariat(em, councilId, userId)))
        throw new NotFoundException('secretariat member', userId);
      const remaining = await this.roles.countSecretariat(em, councilId);
      await this.audit.record(em, {
        councilId,
        action: 'secretariat.removed',
        entityType: 'user',
        entityId: userId,
        before: councilUserResponse(current),
        after: { remaining },
      });
    });
  }
}
