import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { PreferenceListResponse, PreferenceResponse } from './dto/preferences.response.js';
import { SetPreferenceDto } from './dto/set-preference.dto.js';
import { PreferencesService, SWITCHABLE_KINDS } from './preferences.service.js';

@ApiTags('notifications')
@Controller('me/notification-preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @RequirePermission('notification.read')
  @ApiOperation({ summary: 'How you get each kind of notification by email (every kind that can be switched; immediate unless you chose otherwise)' })
  @ApiOkResponse({ type: PreferenceListResponse })
  list(@CurrentCaller() caller: Caller): Promise<PreferenceListResponse> {
    return this.preferences.list(caller.userId!);
  }

  @Put(':kind')
  @RequirePermission('notification.read')
  @ApiOperation({ summary: 'Choose how you get one kind by email: immediate, digest (daily) or off (the inbox still gets it)' })
  @ApiParam({ name: 'kind', enum: SWITCHABLE_KINDS })
  @ApiOkResponse({ type: PreferenceResponse })
  set(@CurrentCaller() caller: Caller, @Param('kind') kind: string, @Body() dto: SetPreferenceDto): Promise<PreferenceResponse> {
    return this.preferences.set(caller.userId!, kind, dto.mode);
  }
}
