import { iso } from '../../core/http/iso.js';
import { textCharactersProblem } from '../../core/validation/input-text.js';
import type { DocumentRow, VersionRow } from './documents.repository.js';
import type { DocumentVersionResponse } from './dto/document-version.response.js';
import type { DocumentResponse } from './dto/document.response.js';
import type { DocumentOwnerKind } from './entities/document.entity.js';

const FILE_NAME_MAX = 255;

export function versionResponse(v: VersionRow): DocumentVersionResponse {
  return {
    number: v.number,
    fileName: v.fileName,
    contentType: v.contentType,
    size: Number(v.size),
    sha256: v.sha256,
    late: v.late,
    uploadedBy: v.uploadedBy,
    uploadedByDelegationId: v.uploadedByDelegationId,
    uploadedAt: iso(v.uploadedAt),
  };
}

function owner(d: DocumentRow): { ownerKind: DocumentOwnerKind; ownerId: string } {
  if (d.agendaItemId) return { ownerKind: 'agenda_item', ownerId: d.agendaItemId };
  if (d.backlogItemId) return { ownerKind: 'backlog_item', ownerId: d.backlogItemId };
  if (d.minutesId) return { ownerKind: 'minutes', ownerId: d.minutesId };
  return { ownerKind: 'silence_procedure', ownerId: d.decisionId! };
}

export function documentResponse(d: DocumentRow, current: VersionRow): DocumentResponse {
  const v = versionResponse(current);
  return {
    id: d.id,
    councilId: d.councilId,
    ...owner(d),
    meetingId: d.meetingId,
    language: d.language,
    title: d.title,
    visibility: d.visibility,
    published: d.published,
    currentVersion: d.currentVersion,
    size: v.size,
    sha256: v.sha256,
    contentType: v.contentType,
    fileName: v.fileName,
    late: v.late,
    current: v,
    version: d.version,
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
  };
}

/** A file name safe to store and to send back: its last path segment, no control characters, at most 255 characters. */
export function cleanFileName(raw: string | undefined, fallback: string): string {
  const base = (raw ?? '')
    .split(/[/\\]/)
    .pop()!
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001F\u007F]/g, '')
    .trim();
  const name = base === '' || textCharactersProblem(base) ? fallback : base;
  return [...name].slice(0, FILE_NAME_MAX).join('');
}
