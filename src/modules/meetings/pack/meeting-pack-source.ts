import { createHash } from 'node:crypto';
import type { AgendaItemPurpose } from '../agenda/entities/agenda-item.entity.js';
import type { PackAudience, PackLanguage } from './entities/meeting-pack.entity.js';

/**
 * What a meeting pack is made of, and the pure rules that choose its papers and name its cache key. The
 * repository reads the rows; nothing here does I/O.
 */

/** Bump when the layout of the pack changes: every cached pack is then built again. */
export const PACK_FORMAT = 1;

export const PDF_CONTENT_TYPE = 'application/pdf';

export interface PackMeeting {
  id: string;
  councilId: string;
  councilName: string;
  /** The council's working languages, in order: the first is the fallback for missing papers. */
  workingLanguages: string[];
  title: string;
  kind: string;
  bodyName: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: string | null;
  onlineUrl: string | null;
  agendaStatus: string | null;
  agendaVersion: number | null;
}

export interface PackAgendaItem {
  id: string;
  position: number;
  title: Record<string, string>;
  purpose: AgendaItemPurpose;
  presenterName: string | null;
  minutesAllotted: number | null;
  supplementary: boolean;
  version: number;
}

/** The current version of one document of the meeting (any language, any type). */
export interface PackDocumentRow {
  documentId: string;
  agendaItemId: string;
  language: string;
  title: string;
  visibility: 'members' | 'member_states' | 'public';
  versionId: string;
  versionNumber: number;
  blobId: string;
  contentType: string;
  fileName: string;
  sha256: string;
}

export interface PackPaper {
  documentId: string;
  versionId: string;
  versionNumber: number;
  title: string;
  language: string;
  /** Not in the pack's language: the council's first working language instead. */
  fallback: boolean;
  blobId: string;
  fileName: string;
  sha256: string;
}

/** Per agenda item: the paper chosen, or why there is none. */
export interface PackEntry {
  item: PackAgendaItem;
  paper: PackPaper | null;
  /** The item's paper in the pack's language when it is not a PDF (not merged; read it on its own). */
  notPdf: { title: string; fileName: string; contentType: string } | null;
}

export interface PackSource {
  meeting: PackMeeting;
  language: PackLanguage;
  audience: PackAudience;
  /** Scheduled agenda items, by position. */
  entries: PackEntry[];
}

const toPaper = (d: PackDocumentRow, fallback: boolean): PackPaper => ({
  documentId: d.documentId,
  versionId: d.versionId,
  versionNumber: d.versionNumber,
  title: d.title,
  language: d.language,
  fallback,
  blobId: d.blobId,
  fileName: d.fileName,
  sha256: d.sha256,
});

/**
 * The papers of the pack: per scheduled item, its current PDF paper in the pack's language; when it has none, its
 * PDF paper in the council's first working language (marked as a fallback). Papers restricted to member states
 * are only in the member_states pack.
 */
export function selectPapers(
  meeting: PackMeeting,
  items: PackAgendaItem[],
  documents: PackDocumentRow[],
  language: PackLanguage,
  audience: PackAudience,
): PackSource {
  const first = meeting.workingLanguages[0] ?? language;
  const entries = [...items]
    .sort((a, b) => a.position - b.position)
    .map((item): PackEntry => {
      const visible = documents.filter((d) => d.agendaItemId === item.id && (audience === 'member_states' || d.visibility !== 'member_states'));
      const own = visible.find((d) => d.language === language);
      if (own && own.contentType === PDF_CONTENT_TYPE) return { item, paper: toPaper(own, false), notPdf: null };
      const notPdf = own ? { title: own.title, fileName: own.fileName, contentType: own.contentType } : null;
      const fallback = first !== language ? visible.find((d) => d.language === first && d.contentType === PDF_CONTENT_TYPE) : undefined;
      return { item, paper: fallback ? toPaper(fallback, true) : null, notPdf };
    });
  return { meeting, language, audience, entries };
}

/**
 * The cache key: the SHA-256 of everything the pack shows and merges — the meeting, council and agenda texts, the
 * pack's language and audience, and the ordered ids of the versions merged (a version's bytes never change) —
 * with the layout's format number. Any upload, edit or move gives another key.
 */
export function packKey(source: PackSource): string {
  const { meeting } = source;
  const material = {
    format: PACK_FORMAT,
    language: source.language,
    audience: source.audience,
    meeting,
    entries: source.entries.map((e) => ({
      item: e.item,
      paper: e.paper && { versionId: e.paper.versionId, title: e.paper.title, language: e.paper.language, fallback: e.paper.fallback },
      notPdf: e.notPdf,
    })),
  };
  return createHash('sha256').update(JSON.stringify(material)).digest('hex');
}
