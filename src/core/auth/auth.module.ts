import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenService } from './access-token.service.js';
import { AuthGuard } from './auth.guard.js';
import { CallerRepository } from './caller.repository.js';
import { StaffAccessService } from './staff-access.service.js';

/** Authentication and authorization for every route of the API. */
@Global()
@Module({
  providers: [AccessTokenService, CallerRepository, StaffAccessService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccessTokenService, CallerRepository, StaffAccessService],
})
export class AuthModule {}
