import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidInputException, NotFoundException } from '../../core/errors/domain.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { PreferenceListResponse, PreferenceResponse } from './dto/preferences.response.js';
import { PreferencesRepository } from './preferences.repository.js';
import { MESSAGE_KINDS, NOTICES } from './templates/index.js';

export const DELIVERY_MODES = ['immediate', 'digest', 'off'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export const DEFAULT_MODE: DeliveryMode = 'immediate';

/**
 * Kinds a person cannot switch: the digest is itself the 'digest' mode, a
 * password link must always reach its person (it is how they get in), and a
 * silence procedure's notices must reach the heads (silence is consent).
 */
export const UNSWITCHABLE_KINDS: readonly string[] = ['digest.daily', 'account.password_link', 'silence.circulated', 'silence.adopted', 'silence.not_adopted'];
/**
 * Every kind a person may choose immediate / digest / off for: the message kinds with a template of their own, and
 * every notice of the catalogs (a notice's name is the kind of its notification).
 */
export const SWITCHABLE_KINDS: readonly string[] = [
  ...MESSAGE_KINDS.filter((k) => k !== 'notice' && !UNSWITCHABLE_KINDS.includes(k)),
  ...Object.keys(NOTICES).filter((k) => !UNSWITCHABLE_KINDS.includes(k)),
];

/** The caller's own email preferences per notification kind (the inbox gets everything whatever they say). */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly db: DataSource,
    private readonly preferences: PreferencesRepository,
    private readonly audit: AuditService,
  ) {}

  async list(userId: string): Promise<PreferenceListResponse> {
    const stored = new Map((await this.preferences.list(userId)).map((p) => [p.kind, p.mode]));
    return { items: SWITCHABLE_KINDS.map((kind) => ({ kind, mode: stored.get(kind) ?? DEFAULT_MODE })) };
  }

  /** Sets the mode for one kind; a change is audited (without council: it is the person's own setting). */
  async set(userId: string, kind: string, mode: DeliveryMode): Promise<PreferenceResponse> {
    if (UNSWITCHABLE_KINDS.includes(kind)) throw new InvalidInputException('kind', 'switchable', `${kind} notifications cannot be switched`);
    if (!SWITCHABLE_KINDS.includes(kind)) throw new NotFoundException('notification_kind', kind);
    return this.db.transaction(async (em) => {
      const before = (await this.preferences.modesFor(em, [userId], kind)).get(userId) ?? DEFAULT_MODE;
      if (before !== mode) {
        await this.preferences.set(em, userId, kind, mode);
        await this.audit.record(em, {
          councilId: null,
          action: 'notification_preference.updated',
          entityType: 'user',
          entityId: userId,
          before: { kind, mode: before },
          after: { kind, mode },
        });
      }
      return { kind, mode };
    });
  }
}
