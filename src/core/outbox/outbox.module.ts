import { Global, Module } from '@nestjs/common';
import { NotificationKindsRegistry } from './notification-kinds.registry.js';
import { OutboxService } from './outbox.service.js';

/** Writing notifications (any module) and naming their kinds; the notifications module does the rest. */
@Global()
@Module({ providers: [OutboxService, NotificationKindsRegistry], exports: [OutboxService, NotificationKindsRegistry] })
export class OutboxModule {}
