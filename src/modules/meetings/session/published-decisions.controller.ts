import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { ListDecisionsQuery } from './dto/list-decisions.query.js';
import { PublishedDecisionListResponse } from './dto/published-decision.response.js';
import { SessionService } from './session.service.js';

@ApiTags('session')
@Controller('councils/:councilId/decisions')
export class PublishedDecisionsController {
  constructor(private readonly session: SessionService) {}

  @Get()
  @RequirePermission('decision.read')
  @ApiOperation({
    summary:
      "The council's adopted decisions, newest first: taken at a meeting (with its meeting and agenda item) or in writing by silence procedure (procedure 'written', no meeting); public: no sign-in needed",
  })
  @ApiOkResponse({ type: PublishedDecisionListResponse })
  // The query DTO admits only outcome=adopted: other outcomes are not published.
  list(@UuidParam('councilId') councilId: string, @Query() _q: ListDecisionsQuery): Promise<PublishedDecisionListResponse> {
    return this.session.published(councilId);
  }
}
