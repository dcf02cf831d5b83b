import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../../core/auth/require-permission.decorator.js';
import { UuidParam } from '../../../core/http/uuid-param.decorator.js';
import { ScheduledNotificationListResponse } from './dto/scheduled-notification.response.js';
import { ScheduledNotificationsService } from './scheduled-notifications.service.js';

const WHAT =
  'what (kind, step, label), when (due instant in UTC and in the zone), to whom (the audience; the recipients once sent, or the count of a fixed audience ahead), ' +
  'and what became of it (pending, queued, sent with the delivery ledger’s counts, skipped, cancelled). Oldest due first. Another council’s subject is not found.';

/** What will be (and was) sent about a subject, for the secretariat and the administrator. */
@ApiTags('notifications')
@Controller('councils/:councilId')
export class ScheduledNotificationsController {
  constructor(private readonly scheduled: ScheduledNotificationsService) {}

  @Get('meetings/:meetingId/notifications')
  @RequirePermission('notification.inspect')
  @ApiOperation({ summary: `The meeting’s notifications, planned and sent — its reminders, notices and its minutes’: ${WHAT} Times in the meeting’s zone.` })
  @ApiOkResponse({ type: ScheduledNotificationListResponse })
  meeting(@UuidParam('councilId') councilId: string, @UuidParam('meetingId') meetingId: string): Promise<ScheduledNotificationListResponse> {
    return this.scheduled.list('meeting', councilId, meetingId);
  }

  @Get('action-items/:actionItemId/notifications')
  @RequirePermission('notification.inspect')
  @ApiOperation({ summary: `The action item’s reminders, planned and sent: ${WHAT} Times in the council’s zone.` })
  @ApiOkResponse({ type: ScheduledNotificationListResponse })
  actionItem(@UuidParam('councilId') councilId: string, @UuidParam('actionItemId') actionItemId: string): Promise<ScheduledNotificationListResponse> {
    return this.scheduled.list('action_item', councilId, actionItemId);
  }

  @Get('presidency/terms/:termId/notifications')
  @RequirePermission('notification.inspect')
  @ApiOperation({ summary: `The presidency term’s handover reminders and presidency notices, planned and sent: ${WHAT} Times in the council’s zone.` })
  @ApiOkResponse({ type: ScheduledNotificationListResponse })
  term(@UuidParam('councilId') councilId: string, @UuidParam('termId') termId: string): Promise<ScheduledNotificationListResponse> {
    return this.scheduled.list('presidency_term', councilId, termId);
  }
}
