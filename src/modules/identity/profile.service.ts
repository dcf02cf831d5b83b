import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { UnauthenticatedException } from '../../core/auth/auth.guard.js';
import type { Caller } from '../../core/auth/caller.js';
import { CouncilRolesRepository } from './council-roles.repository.js';
import { CouncilMembershipResponse } from './dto/council-membership.response.js';
import { MeResponse } from './dto/me.response.js';
import type { UpdateProfileDto } from './dto/update-profile.dto.js';
import { UsersRepository } from './users.repository.js';

/** The signed-in person and their roles in every council. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly users: UsersRepository,
    private readonly roles: CouncilRolesRepository,
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The person's own language and time zone; a change is audited (without council: it is the person's own setting). */
  async update(caller: Caller, dto: UpdateProfileDto): Promise<MeResponse> {
    if (!caller.userId) throw new UnauthenticatedException();
    const userId = caller.userId;
    await this.db.transaction(async (em) => {
      const before = await this.users.findByIdForUpdate(em, userId);
      if (!before) throw new UnauthenticatedException();
      const changed =
        (dto.preferredLanguage !== undefined && dto.preferredLanguage !== before.preferred_language) ||
        (dto.timeZone !== undefined && dto.timeZone !== before.time_zone);
      if (!changed) return;
      const after = (await this.users.updateProfile(em, userId, dto))!;
      await this.audit.record(em, {
        councilId: null,
        action: 'user.profile_updated',
        entityType: 'user',
        entityId: userId,
        before: { preferredLanguage: before.preferred_language, timeZone: before.time_zone },
        after: { preferredLanguage: after.preferred_language, timeZone: after.time_zone },
      });
    });
    return this.me(caller);
  }

  async me(caller: Caller): Promise<MeResponse> {
    const user = caller.userId ? await this.users.findById(caller.userId) : undefined;
    if (!user) throw new UnauthenticatedException();
    const me = new MeResponse();
    me.id = user.id;
    me.email = user.email;
    me.fullName = user.full_name;
    me.isAdmin = user.is_admin;
    me.preferredLanguage = user.preferred_language;
    me.timeZone = user.time_zone;
    me.councils = (await this.roles.membershipsOf(user.id)).map((m) => {
      const c = new CouncilMembershipResponse();
      c.councilId = m.council_id;
      c.councilName = m.council_name;
      c.role = m.role;
      c.delegateId = m.delegate_id;
      c.delegationId = m.delegation_id;
      c.participantId = m.participant_id;
      return c;
    });
    return me;
  }
}
