import { ApiProperty } from '@nestjs/swagger';
import { CALENDAR_FEED_SCOPES, type CalendarFeedScope } from '../entities/calendar-feed.entity.js';

export class CalendarFeedResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) councilId: string;
  @ApiProperty({ enum: CALENDAR_FEED_SCOPES, description: "personal: the council's meetings and its bodies'; body: one body's" }) scope: CalendarFeedScope;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) bodyId: string | null;
  @ApiProperty() hideTitles: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set once revoked: the URL then answers 404' }) revokedAt: string | null;
}

export class CalendarFeedListResponse {
  @ApiProperty({ type: [CalendarFeedResponse] }) items: CalendarFeedResponse[];
}

export class CreatedCalendarFeedResponse extends CalendarFeedResponse {
  @ApiProperty({
    example: 'https://council.example.org/calendar/3q2-7wEXAMPLEtoken.ics',
    description:
      'The subscription URL, with its secret token. Shown ONCE (only a hash of the token is kept): anyone with it can read the feed until you revoke it',
  })
  url: string;
}
