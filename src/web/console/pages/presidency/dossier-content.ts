/**
 * The handover dossier's content as the API sends it (DossierResponse.content, typed `object` in openapi.json):
 * the shape of src/modules/presidency/dossier/dossier-content.ts, restated for the console.
 */
export type Texts = Record<string, string | undefined>;

export interface DossierContent {
  termId: string;
  holder: { name: string | null } | null;
  successor: { name: string | null } | null;
  today: string;
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
    pending: { key: string; id: string; text: Texts; meetingTitle: string | null; meetingStartsAt: string | null; proposedAt: string }[];
    deferred: { key: string; id: string; text: Texts; meetingTitle: string | null; deferredAt: string }[];
  };
  silenceProcedures: { key: string; id: string; text: Texts; deadline: string; bodyName: string | null; standingObjections: number }[];
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
    participantName: string;
    isoCode: string | null;
    contactEmail: string | null;
    people: { name: string; email: string; role: string }[];
  }[];
  priorities: { key: string; id: string; title: Texts; status: string; notes: string | null }[];
}

/** The content with every list present (an older or partial content must not break the page). */
export function normalized(raw: unknown): DossierContent {
  const c = (raw ?? {}) as Partial<DossierContent>;
  return {
    termId: c.termId ?? '',
    holder: c.holder ?? null,
    successor: c.successor ?? null,
    today: c.today ?? '',
    actionItems: { total: c.actionItems?.total ?? 0, overdue: c.actionItems?.overdue ?? 0, byOwner: c.actionItems?.byOwner ?? [] },
    decisions: { pending: c.decisions?.pending ?? [], deferred: c.decisions?.deferred ?? [] },
    silenceProcedures: c.silenceProcedures ?? [],
    meetings: c.meetings ?? [],
    bodies: c.bodies ?? [],
    contacts: c.contacts ?? [],
    priorities: c.priorities ?? [],
  };
}
