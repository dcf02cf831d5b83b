import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictException, InvalidInputException, NotFoundException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import { CouncilsRepository } from '../councils/councils.repository.js';
import { CouncilRolesRepository } from './council-roles.repository.js';
import type { CreateCouncilUserDto } from './dto/create-council-user.dto.js';
import { CouncilUserCreatedResponse } from './dto/council-user-created.response.js';
import { CouncilUserListResponse } from './dto/council-user-list.response.js';
import { SetupLinkResponse } from './dto/setup-link.response.js';
import { PasswordLinksService } from './password-links.service.js';
import { type UserRow, UsersRepository } from './users.repository.js';
import { councilUserResponse, setupLinkResponse } from './identity.responses.js';

/**
 * Accounts as a council's secretariat manages them: roles in THIS council only.
 * A person may serve several councils with one account; an account that also
 * belongs elsewhere (or is an administrator) gets its password link from a
 * system administrator, never from one council's staff.
 */
@Injectable()
export class CouncilUsersService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly roles: CouncilRolesRepository,
    private readonly councils: CouncilsRepository,
    private readonly links: PasswordLinksService,
    private readonly audit: AuditService,
  ) {}

  async create(councilId: string, dto: CreateCouncilUserDto): Promise<CouncilUserCreatedResponse> {
    const delegateId = dto.delegateId ?? null;
    if (dto.role === 'delegate' && delegateId === null)
      throw new InvalidInputException('delegateId', 'required_for_delegate', 'a delegate account needs delegateId');
    if (dto.role !== 'delegate' && delegateId !== null)
      throw new InvalidInputException('delegateId', 'delegates_only', 'only a delegate account takes delegateId');
    const email = dto.email.trim().toLowerCase();

    return this.db.transaction(async (em) => {
      if (!(await this.councils.lockForChange(em, councilId))) throw new NotFoundException('council', councilId);
      if (delegateId !== null) await this.assertSeatAvailable(em, councilId, delegateId);

      let user = await this.users.insertIfNew(em, { email, fullName: dto.fullName.trim() });
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
        if (await this.roles.findInCouncil(councilId, user.id, em)) {
          throw new ConflictException(
            'ROLE_EXISTS',
            'this person already has a role in the council; remove it first to change it',
            { userId: user.id },
            'email',
          );
        }
      }
      await this.roles.insert(em, { userId: user.id, councilId, role: dto.role, delegateId });
      const created = councilUserResponse((await this.roles.findInCouncil(councilId, user.id, em))!);
      await this.audit.record(em, { councilId, action: 'council_role.granted', entityType: 'user', entityId: user.id, after: created });

      const result = new CouncilUserCreatedResponse();
      result.user = created;
      result.linkEmailed = (await this.linkRefusal(em, councilId, user)) === null;
      if (result.linkEmailed) await this.issueLink(em, councilId, user.id);
      result.setupLink = null;
      return result;
    });
  }

  async list(councilId: string): Promise<CouncilUserListResponse> {
    const rows = await this.roles.listByCouncil(councilId);
    if (rows.length === 0 && !(await this.councils.exists(councilId))) throw new NotFoundException('council', councilId);
    const list = new CouncilUserListResponse();
    list.items = rows.map((r) => councilUserResponse(r));
    return list;
  }

  /** Removes the person's role in this council; the account and its other councils stay. */
  async remove(councilId: string, userId: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const current = await this.roles.findInCouncil(councilId, userId, em);
      if (!current || !(await this.roles.deleteInCouncil(em, councilId, userId))) throw new NotFoundException('user', userId);
      await this.audit.record(em, { councilId, action: 'council_role.revoked', entityType: 'user', entityId: userId, before: councilUserResponse(current) });
    });
  }

  /** A fresh one-time link (older unused ones end), emailed to an account of this council that has no password yet. */
  async newSetupLink(councilId: string, userId: string): Promise<SetupLinkResponse> {
    return this.db.transaction(async (em) => {
      if (!(await this.roles.findInCouncil(councilId, userId, em))) throw new NotFoundException('user', userId);
      const user = (await this.users.findByIdForUpdate(em, userId))!;
      const refusal = await this.linkRefusal(em, councilId, user);
      if (refusal) throw refusal;
      return this.issueLink(em, councilId, userId);
    });
  }

  /**
   * Why this council's secretariat may not get a password link for the account,
   * or null when it may: the link would otherwise let one council's staff take
   * over a password, an administrator or another council's member.
   */
  private async linkRefusal(em: EntityManager, councilId: string, user: UserRow): Promise<ConflictException | null> {
    if (user.disabled_at !== null) return new ConflictException('USER_DISABLED', 'the account is disabled', { userId: user.id });
    if (user.has_password) return new ConflictException('PASSWORD_ALREADY_SET', 'the person has already set a password', { userId: user.id });
    if (user.is_admin || (await this.roles.hasRoleOutside(em, user.id, councilId))) {
      return new ConflictException(
        'LINK_NEEDS_ADMINISTRATOR',
        'the account also belongs to another council or is an administrator: a system administrator issues its link',
        {
          userId: user.id,
        },
      );
    }
    return null;
  }

  private async issueLink(em: EntityManager, councilId: string, userId: string): Promise<SetupLinkResponse> {
    const link = await this.links.issue(em, userId, councilId);
    await this.audit.record(em, {
      councilId,
      action: 'user.setup_link_issued',
      entityType: 'user',
      entityId: userId,
      after: { expiresAt: link.expiresAt, emailedTo: link.email },
    });
    return setupLinkResponse(link);
  }

  private async assertSeatAvailable(em: EntityManager, councilId: string, delegateId: string): Promise<void> {
    const seat = await this.roles.delegateInCouncil(em, councilId, delegateId);
    if (!seat) throw new NotFoundException('delegate', delegateId);
    if (!seat.active) throw new InvalidInputException('delegateId', 'active_delegate', 'the delegate seat is inactive');
    const holder = await this.roles.holderOfDelegateSeat(em, councilId, delegateId);
    if (holder)
      throw new ConflictException('DELEGATE_SEAT_TAKEN', 'another account already acts as this delegate', { delegateId, userId: holder }, 'delegateId');
  }
}
