import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../../core/auth/caller.js';
import { CurrentCaller, RequirePermission } from '../../core/auth/require-permission.decorator.js';
import { InboxPageResponse, MarkAllReadResponse } from './dto/inbox-page.response.js';
import { ListInboxQuery } from './dto/list-inbox.query.js';
import { InboxService } from './inbox.service.js';

@ApiTags('notifications')
@Controller('me/notifications')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @RequirePermission('notification.read')
  @ApiOperation({ summary: 'Your notifications, newest first (keyset paging; ?unread=true for unread only), with your unread count' })
  @ApiOkResponse({ type: InboxPageResponse })
  list(@CurrentCaller() caller: Caller, @Query() query: ListInboxQuery): Promise<InboxPageResponse> {
    return this.inbox.page(caller.userId!, query);
  }

  @Post('read-all')
  @RequirePermission('notification.read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all your notifications read' })
  @ApiOkResponse({ type: MarkAllReadResponse })
  readAll(@CurrentCaller() caller: Caller): Promise<MarkAllReadResponse> {
    return this.inbox.markAllRead(caller.userId!);
  }

  @Post(':notificationId/read')
  @RequirePermission('notification.read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of your notifications read (someone else’s is not found)' })
  @ApiNoContentResponse()
  read(@CurrentCaller() caller: Caller, @Param('notificationId') notificationId: string): Promise<void> {
    return this.inbox.markRead(caller.userId!, notificationId);
  }
}
