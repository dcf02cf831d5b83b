import { Module } from '@nestjs/common';
import { CouncilsModule } from '../councils/councils.module.js';
import { AuthController } from './auth.controller.js';
import { CouncilRolesRepository } from './council-roles.repository.js';
import { CouncilSecretariatController } from './council-secretariat.controller.js';
import { CouncilSecretariatService } from './council-secretariat.service.js';
import { CouncilUsersController } from './council-users.controller.js';
import { CouncilUsersService } from './council-users.service.js';
import { PasswordHasher } from './password-hasher.service.js';
import { PasswordLinkKind } from './password-link.kind.js';
import { PasswordLinksRepository } from './password-links.repository.js';
import { PasswordLinksService } from './password-links.service.js';
import { ProfileService } from './profile.service.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { SessionsService } from './sessions.service.js';
import { UserAdminController } from './user-admin.controller.js';
import { UserAdminService } from './user-admin.service.js';
import { UsersRepository } from './users.repository.js';

/** Sign-in and sessions, one-time password links (and the kind that emails them), and accounts with their roles in councils. */
@Module({
  imports: [CouncilsModule],
  controllers: [AuthController, CouncilUsersController, CouncilSecretariatController, UserAdminController],
  providers: [
    SessionsService,
    PasswordLinksService,
    ProfileService,
    CouncilUsersService,
    CouncilSecretariatService,
    UserAdminService,
    PasswordHasher,
    UsersRepository,
    CouncilRolesRepository,
    RefreshTokensRepository,
    PasswordLinksRepository,
    PasswordLinkKind,
  ],
})
export class IdentityModule {}
