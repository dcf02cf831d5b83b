import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A meeting has just closed: told inside the closing transaction, after its 'meeting.closed' audit row is written. */
export interface MeetingClosedEvent {
  councilId: string;
  meetingId: string;
}

/**
 * What another module does when a meeting closes, in the closing transaction (so that it commits with the
 * close, or not at all). The meetings module knows listeners only by this interface: they register themselves
 * at module init (e.g. the presidency's handover meeting, whose close moves the presidency's boundary).
 */
export interface MeetingCloseListener {
  /** Names the listener in logs. */
  readonly name: string;
  meetingClosed(em: EntityManager, event: MeetingClosedEvent): Promise<void>;
}

/**
 * The listeners to a meeting's close. Each runs in a savepoint of the closing transaction: one that fails is
 * rolled back alone and logged — the meeting still closes, and the listener's own catch-up (a sweeper) is
 * expected to do the work later.
 */
@Injectable()
export class MeetingCloseListeners {
  private readonly logger = new Logger('MeetingCloseListeners');
  private readonly listeners: MeetingCloseListener[] = [];

  register(listener: MeetingCloseListener): void {
    if (this.listeners.some((l) => l.name === listener.name)) throw new Error(`meeting close listener ${listener.name} registered twice`);
    this.listeners.push(listener);
  }

  async closed(em: EntityManager, event: MeetingClosedEvent): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await em.transaction((sp) => listener.meetingClosed(sp, event));
      } catch (err) {
        this.logger.warn(
          { err, listener: listener.name, ...event },
          'a meeting close listener failed; the meeting closes without it (its catch-up will do the work)',
        );
      }
    }
  }
}
