import { Injectable } from '@nestjs/common';
import { UnauthenticatedException } from '../../core/auth/auth.guard.js';
import type { Caller } from '../../core/auth/caller.js';
import { CouncilRolesRepository } from './council-roles.repository.js';
import { CouncilMembershipResponse } from './dto/council-membership.response.js';
import { MeResponse } from './dto/me.response.js';
import { UsersRepository } from './users.repository.js';

/** The signed-in person and their roles in every council. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly users: UsersRepository,
    private readonly roles: CouncilRolesRepository,
  ) {}

  async me(caller: Caller): Promise<MeResponse> {
    const user = caller.userId ? await this.users.findById(caller.userId) : undefined;
    if (!user) throw new UnauthenticatedException();
    const me = new MeResponse();
    me.id = user.id;
    me.email = user.email;
    me.fullName = user.full_name;
    me.isAdmin = user.is_admin;
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
