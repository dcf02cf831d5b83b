import { Injectable } from '@nestjs/common';
import type { NotificationKind } from './notification-kind.js';

/** Kinds register themselves at module init; the dispatch job looks them up by name. */
@Injectable()
export class NotificationKindsRegistry {
  private readonly kinds = new Map<string, NotificationKind>();

  register(kind: NotificationKind): void {
    if (this.kinds.has(kind.kind)) throw new Error(`notification kind ${kind.kind} registered twice`);
    this.kinds.set(kind.kind, kind);
  }

  get(kind: string): NotificationKind | undefined {
    return this.kinds.get(kind);
  }
}
