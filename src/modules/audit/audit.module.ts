import { Global, Module } from '@nestjs/common';
import { AuditLogRepository } from './audit-log.repository.js';
import { AuditTrailService } from './audit-trail.service.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

/**
 * Global: every module records its changes through AuditService. The trail's
 * controller only serves in the API (the worker, which imports this module too, has no HTTP).
 */
@Global()
@Module({ controllers: [AuditController], providers: [AuditService, AuditTrailService, AuditLogRepository], exports: [AuditService] })
export class AuditModule {}
