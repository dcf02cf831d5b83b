import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type MeetingClosedEvent, type MeetingCloseListener, MeetingCloseListeners } from '../../meetings/meeting-close-listeners.js';
import { TransferService } from './transfer.service.js';

/**
 * Listens to every meeting's close, inside the closing transaction: the close of a term's designated handover
 * meeting passes the presidency at that instant, committed with the close. The meetings module knows
 * only the listener interface; the sweeper stays the catch-up for a close this missed.
 */
@Injectable()
export class HandoverMeetingCloseListener implements MeetingCloseListener, OnModuleInit {
  readonly name = 'presidency-handover-meeting';

  constructor(
    private readonly listeners: MeetingCloseListeners,
    private readonly transfers: TransferService,
  ) {}

  onModuleInit(): void {
    this.listeners.register(this);
  }

  async meetingClosed(em: EntityManager, event: MeetingClosedEvent): Promise<void> {
    await this.transfers.meetingClosed(em, event.councilId, event.meetingId);
  }
}
