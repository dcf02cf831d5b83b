import { Module } from '@nestjs/common';
import { IdentityWorkerModule } from '../identity/identity-worker.module.js';
import { CouncilReminderKind } from './council-reminders/council-reminder.kind.js';
import { CouncilRemindersRepository } from './council-reminders/council-reminders.repository.js';
import { DeliveriesRepository } from './deliveries.repository.js';
import { InboxRepository } from './inbox.repository.js';
import { DigestJob } from './jobs/digest.job.js';
import { DispatchJob } from './jobs/dispatch.job.js';
import { OutboxRelayJob } from './jobs/outbox-relay.job.js';
import { OutboxSweepJob } from './jobs/outbox-sweep.job.js';
import { SendMailJob } from './jobs/send-mail.job.js';
import { OutboxQueueRepository } from './outbox-queue.repository.js';
import { PreferencesRepository } from './preferences.repository.js';
import { RecipientsRepository } from './recipients.repository.js';

/** The worker side of notifications: relay, sweeper, dispatch (notify), send, digest, and the kinds. */
@Module({
  imports: [IdentityWorkerModule],
  providers: [
    OutboxRelayJob,
    OutboxSweepJob,
    DispatchJob,
    SendMailJob,
    DigestJob,
    OutboxQueueRepository,
    DeliveriesRepository,
    InboxRepository,
    PreferencesRepository,
    RecipientsRepository,
    CouncilRemindersRepository,
    CouncilReminderKind,
  ],
})
export class NotificationsWorkerModule {}
