import { Module } from '@nestjs/common';
import { MailerService } from './mailer.service.js';

/** The SMTP transport, for the module that sends mail (notifications' send job, run by the worker only); not global. */
@Module({ providers: [MailerService], exports: [MailerService] })
export class MailModule {}
