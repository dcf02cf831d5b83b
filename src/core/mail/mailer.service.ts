import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

export interface OutgoingMail {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** A stable Message-ID, so that a message sent twice after a crash is recognisably the same message. */
  messageId?: string;
  attachments?: { filename: string; content: string | Buffer; contentType?: string }[];
}

/** Owns the SMTP transport. Only the worker sends mail; request handlers never do. */
@Injectable()
export class MailerService implements OnModuleDestroy {
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const url = new URL(config.smtpUrl);
    const loopback = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(url.hostname);
    this.transport = nodemailer.createTransport({
      url: config.smtpUrl,
      pool: true,
      maxConnections: config.smtpPoolSize,
      // A loopback sink speaks plain SMTP; real servers negotiate TLS.
      ...(loopback ? { secure: false, ignoreTLS: true } : {}),
    } as never);
  }

  /** Bodies go base64: encoded natively, where quoted-printable is encoded in JavaScript, several times slower. */
  async send(mail: OutgoingMail): Promise<{ messageId: string }> {
    const info = (await this.transport.sendMail({ from: this.config.mailFrom, textEncoding: 'base64', ...mail })) as { messageId: string };
    return { messageId: info.messageId };
  }

  async verify(): Promise<void> {
    await this.transport.verify();
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
