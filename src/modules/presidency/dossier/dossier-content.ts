import { textIn } from '../../../core/text/localized-text.js';
import { UUID_SOURCE } from '../../../core/validation/uuid.js';

/** The shape of a dossier's content (jsonb), as assembled by DossierRepository and the service's meta part. */

export type Texts = Record<string, string>;

export interface TermRef {
  termId: string | null;
  participantId: string | null;
  name: string | null;
  isoCode: string | null;
  startsAt: string;
  endsAt: string;
  projected: boolean;
}

export interface DossierContent {
  termId: string;
  holder: TermRef;
  successor: TermRef | null;
  troika: { previous: TermRef | null; current: TermRef | null; next: TermRef | null };
  today: string;
  windows: { meetingsUntil: string; bodiesUntil: string };
  actionItems: {
    total: number;
    overdue: number;
    byOwner: {
      ownerKind: string;
      ownerId: string;
      ownerName: string | null;
      count: number;
      overdue: number;
      items: { key: string; id: string; title: Texts; dueDate: string; status: string; priority: string; overdue: boolean; ownerUserName: string | null }[];
    }[];
  };
  decisions: {
    pending: {
      key: string;
      id: string;
      text: Texts;
      meetingId: string | null;
      meetingTitle: string | null;
      meetingStartsAt: string | null;
      proposedAt: string;
    }[];
    deferred: { key: string; id: string; text: Texts; meetingId: string | null; meetingTitle: string | null; deferredAt: string }[];
  };
  silenceProcedures: { key: string; id: string; text: Texts; deadline: string; bodyId: string | null; bodyName: string | null; standingObjections: number }[];
  meetings: {
    key: string;
    id: string;
    title: string;
    kind: string;
    status: string;
    startsAt: string;
    endsAt: string;
    timeZone: string;
    venue: string | null;
    bodyName: string | null;
  }[];
  bodies: {
    key: string;
    id: string;
    name: string;
    kind: string;
    mandateEnd: string | null;
    leadsEnding: { participantId: string; participantName: string; lastDay: string }[];
  }[];
  contacts: {
    delegationId: string;
    participantId: string;
    participantName: string;
    participantKind: string;
    isoCode: string | null;
    contactEmail: string | null;
    people: { name: string; email: string; role: string }[];
  }[];
  priorities: { key: string; id: string; title: Texts; status: string; notes: string | null }[];
}

/** Kinds of entries an acknowledgement may name. */
export const ITEM_KEY = new RegExp(`^(action_item|decision|silence|meeting|body|priority):${UUID_SOURCE}$`);

/** Every acknowledgeable key of a content, in document order. */
export function itemKeys(c: DossierContent): string[] {
  return [
    ...c.actionItems.byOwner.flatMap((o) => o.items.map((i) => i.key)),
    ...c.decisions.pending.map((d) => d.key),
    ...c.decisions.deferred.map((d) => d.key),
    ...c.silenceProcedures.map((d) => d.key),
    ...c.meetings.map((m) => m.key),
    ...c.bodies.map((b) => b.key),
    ...c.priorities.map((p) => p.key),
  ];
}

/** A text in the language asked for, else the first one it has. */
export const pick = (texts: Texts | null | undefined, language: string): string => textIn(texts, language);
