import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { SetupLinkResponse } from './dto/setup-link.response.js';
import { UserResponse } from './dto/user.response.js';
import { UserAdminService } from './user-admin.service.js';

@ApiTags('users')
@Controller('users')
export class UserAdminController {
  constructor(private readonly admin: UserAdminService) {}

  @Post(':userId/disable')
  @RequirePermission('user.administer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account: its sessions end and its access tokens are refused at once' })
  @ApiOkResponse({ type: UserResponse })
  disable(@CurrentCaller() caller: Caller, @UuidParam('userId') userId: string): Promise<UserResponse> {
    return this.admin.disable(caller, userId);
  }

  @Post(':userId/enable')
  @RequirePermission('user.administer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account again' })
  @ApiOkResponse({ type: UserResponse })
  enable(@UuidParam('userId') userId: string): Promise<UserResponse> {
    return this.admin.enable(userId);
  }

  @Post(':userId/setup-link')
  @RequirePermission('user.administer')
  @ApiOperation({
    summary:
      'Email a fresh one-time password link to any enabled account (also resets a forgotten password); older unused links stop working. The link is never returned.',
  })
  @ApiCreatedResponse({ type: SetupLinkResponse })
  setupLink(@UuidParam('userId') userId: string): Promise<SetupLinkResponse> {
    return this.admin.newSetupLink(userId);
  }
}
