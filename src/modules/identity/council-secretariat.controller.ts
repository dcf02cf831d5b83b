import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../core/http/uuid-param.decorator.js';
import { CouncilSecretariatService } from './council-secretariat.service.js';
import { AppointSecretariatDto } from './dto/appoint-secretariat.dto.js';
import { CouncilUserListResponse } from './dto/council-user-list.response.js';
import { SecretariatAppointmentResponse } from './dto/secretariat-appointment.response.js';

@ApiTags('users')
@Controller('councils/:councilId/secretariat')
export class CouncilSecretariatController {
  constructor(private readonly secretariat: CouncilSecretariatService) {}

  @Post()
  @RequirePermission('secretariat.appoint')
  @ApiOperation({
    summary:
      'Appoint a person to the council’s secretariat (the administrator; how a new council gets its first staff), creating the account if the email is new. ' +
      'A person with no password yet is emailed a one-time password link (linkEmailed: true); the link itself is never returned. ' +
      '409 for a disabled account or someone who already has a role in the council.',
  })
  @ApiCreatedResponse({ type: SecretariatAppointmentResponse })
  appoint(@UuidParam('councilId') councilId: string, @Body() dto: AppointSecretariatDto): Promise<SecretariatAppointmentResponse> {
    return this.secretariat.appoint(councilId, dto);
  }

  @Get()
  @RequirePermission('secretariat.appoint')
  @ApiOperation({ summary: 'The council’s secretariat staff (the administrator)' })
  @ApiOkResponse({ type: CouncilUserListResponse })
  list(@UuidParam('councilId') councilId: string): Promise<CouncilUserListResponse> {
    return this.secretariat.list(councilId);
  }

  @Delete(':userId')
  @RequirePermission('secretariat.appoint')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Remove the person from the council’s secretariat (the administrator): their access to the council ends with their next request; the account and its roles elsewhere stay. ' +
      'Removing the last one is allowed (appoint another). 404 when the person is not secretariat of this council.',
  })
  @ApiNoContentResponse()
  remove(@UuidParam('councilId') councilId: string, @UuidParam('userId') userId: string): Promise<void> {
    return this.secretariat.remove(councilId, userId);
  }
}
