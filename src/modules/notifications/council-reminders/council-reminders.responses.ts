import { type CouncilReminderRow } from './council-reminders.repository.js';
import type { CouncilReminderResponse } from './dto/council-reminder.dto.js';

/** Council reminders as the API answers them. */
export function councilReminderResponse(r: CouncilReminderRow): CouncilReminderResponse {
  return {
    id: r.id,
    councilId: r.councilId,
    title: r.title,
    message: r.message,
    sendAt: new Date(r.sendAt).toISOString(),
    audience: r.audience,
    status: r.status,
    version: r.version,
  };
}
