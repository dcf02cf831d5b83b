import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { CouncilUsersService } from './council-users.service.js';
import { CouncilUserCreatedResponse } from './dto/council-user-created.response.js';
import { CouncilUserListResponse } from './dto/council-user-list.response.js';
import { CreateCouncilUserDto } from './dto/create-council-user.dto.js';
import { SetupLinkResponse } from './dto/setup-link.response.js';

@ApiTags('users')
@Controller('councils/:councilId/users')
export class CouncilUsersController {
  constructor(private readonly councilUsers: CouncilUsersService) {}

  @Post()
  @RequirePermission('user.manage')
  @ApiOperation({
    summary:
      'Give a person a role in the council (secretariat, or delegate acting as a delegate seat), creating the account if the email is new. ' +
      'When the account has no password yet (and belongs to no other council), a one-time password link is emailed to the person ' +
      '(linkEmailed: true); the link itself is never returned.',
  })
  @ApiCreatedResponse({ type: CouncilUserCreatedResponse })
  create(@UuidParam('councilId') councilId: string, @Body() dto: CreateCouncilUserDto): Promise<CouncilUserCreatedResponse> {
    return this.councilUsers.create(councilId, dto);
  }

  @Get()
  @RequirePermission('user.manage')
  @ApiOperation({ summary: 'The people with a role in the council' })
  @ApiOkResponse({ type: CouncilUserListResponse })
  list(@UuidParam('councilId') councilId: string): Promise<CouncilUserListResponse> {
    return this.councilUsers.list(councilId);
  }

  @Delete(':userId')
  @RequirePermission('user.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the person’s role in this council (the account and its roles elsewhere stay)' })
  @ApiNoContentResponse()
  remove(@UuidParam('councilId') councilId: string, @UuidParam('userId') userId: string): Promise<void> {
    return this.councilUsers.remove(councilId, userId);
  }

  @Post(':userId/setup-link')
  @RequirePermission('user.manage')
  @ApiOperation({
    summary:
      'Email the person a fresh one-time password link (older unused ones stop working); only for accounts of this council alone with no password yet. ' +
      'The link is never returned.',
  })
  @ApiCreatedResponse({ type: SetupLinkResponse })
  setupLink(@UuidParam('councilId') councilId: string, @UuidParam('userId') userId: string): Promise<SetupLinkResponse> {
    return this.councilUsers.newSetupLink(councilId, userId);
  }
}
