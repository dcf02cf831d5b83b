import { ApiProperty } from '@nestjs/swagger';

export class InboxNotificationResponse {
  @ApiProperty({ description: 'Increasing with time; used as the paging cursor', example: '42' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The council it concerns (null: about the account itself)' }) councilId:
    string | null;
  @ApiProperty({ example: 'council.reminder' }) kind: string;
  @ApiProperty({ example: 'council_reminder' }) subjectType: string;
  @ApiProperty() subjectId: string;
  @ApiProperty({ description: 'The message subject, in the recipient’s language' }) title: string;
  @ApiProperty({ description: 'The message as plain text' }) body: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}

export class InboxPageResponse {
  @ApiProperty({ type: [InboxNotificationResponse] }) items: InboxNotificationResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next (older) page; null on the last page' }) nextCursor: string | null;
  @ApiProperty({ description: 'How many of the caller’s notifications are unread (whatever the page or filter)' }) unreadCount: number;
}

export class MarkAllReadResponse {
  @ApiProperty({ description: 'How many notifications were unread and are now read' }) updated: number;
}
