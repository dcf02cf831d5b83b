import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import { DataSource, type EntityManager } from 'typeorm';
import type { Caller } from '../../core/auth/caller.js';
import { UnauthenticatedException } from '../../core/auth/auth.guard.js';
import { APP_CONFIG, type AppConfig } from '../../core/config/app-config.js';
import {
  ConflictException,
  DomainException,
  ForbiddenException,
  InvalidInputException,
  NotFoundException,
  StaleVersionException,
} from '../../core/errors/domain.exception.js';
import { iso } from '../../core/http/iso.js';
import { textCharactersProblem } from '../../core/validation/input-text.js';
import { AuditService } from '../audit/audit.service.js';
import { CouncilReferencesRepository } from '../councils/council-references.repository.js';
import { DEFAULT_MEETING_RULES } from '../councils/council-defaults.js';
import { meetingDeadlines } from '../meetings/deadlines.js';
import { SNIFF_BYTES, sniffContentType } from './content-sniffer.js';
import { cleanFileName, documentResponse, versionResponse } from './documents.responses.js';
import type { DocumentContentQuery } from './dto/document-content.query.js';
import type { DocumentListResponse, DocumentResponse, DocumentVersionListResponse } from './dto/document.response.js';
import type { PublishDocumentsResponse } from './dto/publish-documents.response.js';
import type { UpdateDocumentDto } from './dto/update-document.dto.js';
import { DOCUMENT_LANGUAGES } from './entities/document.entity.js';
import type { DocumentContentType } from './entities/document-version.entity.js';
import { type DocumentRow, DocumentsRepository, type PaperItemRow, type VersionRow } from './documents.repository.js';
import { drain, drainIterator, mapMultipartError, tooLarge } from './multipart-upload.js';
import { DOCUMENT_STORE, type ByteRange, type DocumentStore } from './store/document-store.js';

const TITLE_MAX = 300;
/** Multipart overhead a Content-Length may carry beyond the file (boundaries, headers, the text fields). */
const MULTIPART_SLACK = 64 * 1024;
const MEMBER_ROLES = ['delegate', 'observer_delegate', 'secretariat', 'admin'] as const;
const COUNCIL_WIDE_ROLES = ['secretariat', 'admin'] as const;

/** What a download sends: the version, and its bytes as a stream (all of them or a range). */
export interface DocumentContent {
  version: VersionRow;
  /** Public papers of a published meeting may be cached by shared caches. */
  public: boolean;
}

/**
 * Meeting papers: uploads stream (multipart) into the document store inside the transaction that records the
 * document, its new version and the audit row, so a refused, oversized or interrupted upload leaves nothing.
 * Who sees what: the council's members read papers ('member_states' papers: only member states' delegations and
 * the secretariat); anyone reads a 'public' paper once its meeting's documents are published. The presenting
 * delegation uploads its own items' papers; the secretariat any.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly db: DataSource,
    private readonly documents: DocumentsRepository,
    private readonly audit: AuditService,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly council: CouncilReferencesRepository,
  ) {}

  // ── reading ──

  async listForMeeting(councilId: string, meetingId: string, caller: Caller, itemId?: string): Promise<DocumentListResponse> {
    if (!(await this.council.hasMeeting(councilId, meetingId))) throw new NotFoundException('meeting', meetingId);
    const rows = await this.documents.listForMeeting(councilId, meetingId, itemId);
    const memberStateSeat = await this.seesMemberStatePapers(caller);
    const member = this.isMember(caller);
    if (!member && !rows.some((r) => r.visibility === 'public' && r.published)) this.refuseOutsider(caller);
    const visible = rows.filter((r) => (member ? r.visibility !== 'member_states' || memberStateSeat : r.visibility === 'public' && r.published));
    return { items: visible.map((r) => documentResponse(r, r.current)) };
  }

  async get(councilId: string, documentId: string, caller: Caller): Promise<DocumentResponse> {
    const d = await this.readable(councilId, documentId, caller);
    return documentResponse(d, (await this.documents.version(d.id, d.currentVersion))!);
  }

  async versions(councilId: string, documentId: string, caller: Caller): Promise<DocumentVersionListResponse> {
    const d = await this.readable(councilId, documentId, caller);
    return { items: (await this.documents.versions(d.id)).map(versionResponse) };
  }

  /** The version to download (the current one by default), after the access check. */
  async content(councilId: string, documentId: string, q: DocumentContentQuery, caller: Caller): Promise<DocumentContent> {
    const d = await this.readable(councilId, documentId, caller);
    const number = q.version ?? d.currentVersion;
    const version = await this.documents.version(d.id, number);
    if (!version) throw new NotFoundException('document version', `${documentId}/${number}`);
    return { version, public: d.visibility === 'public' && d.published };
  }

  bytes(version: VersionRow, range?: ByteRange): Readable {
    return this.store.get(version.blobId, range);
  }

  private isMember(caller: Caller): boolean {
    return caller.roles.some((r) => (MEMBER_ROLES as readonly string[]).includes(r));
  }

  private async seesMemberStatePapers(caller: Caller): Promise<boolean> {
    if (caller.roles.some((r) => (COUNCIL_WIDE_ROLES as readonly string[]).includes(r))) return true;
    if (!caller.roles.includes('delegate') || !caller.participantId) return false;
    return (await this.documents.participantKind(caller.participantId)) === 'member_state';
  }

  private refuseOutsider(caller: Caller): never {
    if (!caller.userId) throw new UnauthenticatedException('this paper is for the council’s members: sign in');
    throw new ForbiddenException('document.read');
  }

  private async readable(councilId: string, documentId: string, caller: Caller): Promise<DocumentRow> {
    const d = await this.documents.find(councilId, documentId);
    if (!this.isMember(caller)) {
      if (d && d.visibility === 'public' && d.published) return d;
      // Outsiders learn nothing of what exists: the same refusal for a missing and a restricted paper.
      this.refuseOutsider(caller);
    }
    if (!d) throw new NotFoundException('document', documentId);
    if (d.visibility === 'member_states' && !(await this.seesMemberStatePapers(caller))) {
      throw new ForbiddenException(null, "this paper is restricted to member states' delegations", { visibility: d.visibility });
    }
    return d;
  }

  // ── uploading ──

  async upload(
    councilId: string,
    meetingId: string,
    itemId: string,
    caller: Caller,
    request: FastifyRequest,
    now: () => Date = () => new Date(),
  ): Promise<DocumentResponse> {
    const item = await this.documents.findPaperItem(councilId, meetingId, itemId);
    if (!item) throw new NotFoundException('agenda item', itemId);
    // Own scope: the delegates of the item's presenter; others learn nothing of it (as for any own-scoped row).
    if (caller.scope === 'own' && (!caller.participantId || caller.participantId !== item.presenterParticipantId))
      throw new NotFoundException('agenda item', itemId);
    if (!request.isMultipart()) {
      throw new DomainException('UNSUPPORTED_MEDIA_TYPE', 415, 'an upload is multipart/form-data with the parts file, language and title', [
        { field: 'body', rule: 'multipart', message: 'the body must be multipart/form-data' },
      ]);
    }
    const maxBytes = this.config.documents.maxFileBytes;
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_SLACK) throw tooLarge(maxBytes);

    const put: { key?: string } = {};
    try {
      return await this.db.transaction((em) => this.receive(em, item, caller, request, maxBytes, now, put));
    } catch (err) {
      // The PostgreSQL store rolled back with the transaction (this finds nothing); a store outside it keeps what it
      // was given, so it is deleted here.
      if (put.key) await this.store.delete(put.key).catch(() => undefined);
      throw mapMultipartError(err, maxBytes);
    }
  }

  private async receive(
    em: EntityManager,
    item: PaperItemRow,
    caller: Caller,
    request: FastifyRequest,
    maxBytes: number,
    now: () => Date,
    put: { key?: string },
  ): Promise<DocumentResponse> {
    const fields: { language?: string; title?: string } = {};
    let stored: { key: string; size: number; sha256: string; contentType: DocumentContentType; fileName: string } | undefined;
    const parts = request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 4, fieldSize: 4096, parts: 6 } }) as AsyncIterableIterator<Multipart>;
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname !== 'language' && part.fieldname !== 'title') {
          throw new InvalidInputException(part.fieldname, 'unknown_field', `${part.fieldname} is not a part of an upload (file, language, title)`);
        }
        if (fields[part.fieldname] !== undefined) throw new InvalidInputException(part.fieldname, 'once', `${part.fieldname} is given more than once`);
        fields[part.fieldname] = String(part.value);
        if (part.fieldname === 'language') this.checkLanguage(fields.language!, item);
        continue;
      }
      if (part.fieldname !== 'file') {
        await drain(part);
        throw new InvalidInputException(part.fieldname, 'unknown_field', `${part.fieldname} is not a part of an upload: the file goes in the part named file`);
      }
      if (fields.language !== undefined) this.checkLanguage(fields.language, item);
      stored = await this.storeFile(em, part, maxBytes);
      put.key = stored.key;
    }
    if (!stored) throw new InvalidInputException('file', 'required', 'file is required (the part named file)');
    if (fields.language === undefined)
      throw new InvalidInputException('language', 'required', `language is required (one of ${item.workingLanguages.join(', ')})`);
    this.checkLanguage(fields.language, item);
    const title = fields.title === undefined ? null : this.checkedTitle(fields.title);

    const at = now();
    const rule = item.papersDays !== null ? { noticeDays: 0, agendaDays: 0, papersDays: item.papersDays } : DEFAULT_MEETING_RULES[item.meetingKind];
    const late = at.getTime() > meetingDeadlines(new Date(item.startsAt), rule, item.timeZone).papersBy.getTime();
    const existing = await this.documents.findForItem(em, item.id, fields.language, true);
    let documentId: string;
    let number: number;
    if (existing) {
      documentId = existing.id;
      number = existing.currentVersion + 1;
      await this.documents.advance(em, documentId, number, title);
    } else {
      if (title === null) throw new InvalidInputException('title', 'required', 'title is required for the first upload of a paper in a language');
      documentId = await this.documents.insertDocument(em, {
        councilId: item.councilId,
        meetingId: item.meetingId,
        agendaItemId: item.id,
        language: fields.language,
        title,
        createdBy: caller.userId,
      });
      number = 1;
    }
    await this.documents.insertVersion(em, item.councilId, documentId, number, {
      blobId: stored.key,
      fileName: stored.fileName,
      contentType: stored.contentType,
      size: stored.size,
      sha256: stored.sha256,
      late,
      uploadedBy: caller.userId,
      uploadedByDelegationId: caller.roles.includes('secretariat') ? null : caller.delegationId,
    });
    const doc = (await this.documents.find(item.councilId, documentId, em))!;
    const created = documentResponse(doc, (await this.documents.version(documentId, number, em))!);
    await this.audit.record(em, {
      councilId: item.councilId,
      action: existing ? 'document.version_uploaded' : 'document.uploaded',
      entityType: 'document',
      entityId: documentId,
      before: existing ? { currentVersion: existing.currentVersion, title: existing.title } : undefined,
      after: created,
    });
    return created;
  }

  /** Sniffs the first bytes, then streams the whole file into the store (in the upload's transaction). */
  private async storeFile(em: EntityManager, part: MultipartFile, maxBytes: number) {
    const iterator = part.file[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const head: Buffer[] = [];
    let headBytes = 0;
    let done = false;
    while (headBytes < SNIFF_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      head.push(next.value);
      headBytes += next.value.length;
    }
    const headBuf = Buffer.concat(head);
    const contentType = await sniffContentType(headBuf);
    if (!contentType) {
      if (!done) await drainIterator(iterator);
      throw new DomainException(
        'UNSUPPORTED_MEDIA_TYPE',
        415,
        'file must be a PDF, an Office document (docx, xlsx, pptx, odt) or an image (PNG, JPEG, GIF, WebP), judged by its bytes',
        [{ field: 'file', rule: 'content_type', message: 'file is not of an accepted type (PDF, docx, xlsx, pptx, odt, PNG, JPEG, GIF, WebP)' }],
      );
    }
    async function* all(): AsyncGenerator<Buffer> {
      if (headBuf.length > 0) yield headBuf;
      if (done) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    }
    const put = await this.store.put(all(), { maxBytes, manager: em });
    if ((part.file as { truncated?: boolean }).truncated) throw tooLarge(maxBytes);
    return { ...put, contentType, fileName: cleanFileName(part.filename, 'document') };
  }

  private checkLanguage(language: string, item: PaperItemRow): void {
    if (!(DOCUMENT_LANGUAGES as readonly string[]).includes(language) || !item.workingLanguages.includes(language)) {
      throw new InvalidInputException(
        'language',
        'working_language',
        `language must be one of the council's working languages (${item.workingLanguages.join(', ')})`,
      );
    }
  }

  private checkedTitle(raw: string): string {
    const title = raw.trim();
    if (title === '' || [...title].length > TITLE_MAX) throw new InvalidInputException('title', 'length', `title must be 1 to ${TITLE_MAX} characters`);
    const problem = textCharactersProblem(title);
    if (problem) throw new InvalidInputException('title', 'text', `title ${problem}`);
    return title;
  }

  // ── managing ──

  async update(councilId: string, documentId: string, dto: UpdateDocumentDto): Promise<DocumentResponse> {
    return this.db.transaction(async (em) => {
      const current = await this.documents.find(councilId, documentId, em, true);
      if (!current) throw new NotFoundException('document', documentId);
      if (current.version !== dto.version) throw new StaleVersionException('document', documentId, dto.version);
      const title = dto.title === undefined ? null : this.checkedTitle(dto.title);
      const visibility = dto.visibility ?? current.visibility;
      if (!(await this.documents.updateVisibility(em, documentId, dto.version, visibility, title)))
        throw new StaleVersionException('document', documentId, dto.version);
      const after = (await this.documents.find(councilId, documentId, em))!;
      const response = documentResponse(after, (await this.documents.version(documentId, after.currentVersion, em))!);
      await this.audit.record(em, {
        councilId,
        action: visibility !== current.visibility ? 'document.visibility_changed' : 'document.updated',
        entityType: 'document',
        entityId: documentId,
        before: { visibility: current.visibility, title: current.title, version: current.version },
        after: { visibility: after.visibility, title: after.title, version: after.version },
      });
      return response;
    });
  }

  /** Publishes a meeting's documents: its 'public' papers become readable by anyone. Once its minutes are approved. */
  async publish(councilId: string, meetingId: string, caller: Caller): Promise<PublishDocumentsResponse> {
    return this.db.transaction(async (em) => {
      const meeting = await this.documents.meetingForPublication(em, councilId, meetingId);
      if (!meeting) throw new NotFoundException('meeting', meetingId);
      if (meeting.published) throw new ConflictException('DOCUMENTS_PUBLISHED', "the meeting's documents are already published");
      if (meeting.minutesStatus !== 'approved') {
        throw new ConflictException('MINUTES_NOT_APPROVED', "a meeting's documents are published once its minutes are approved", {
          minutesStatus: meeting.minutesStatus,
        });
      }
      const publishedAt = await this.documents.publish(em, councilId, meetingId, caller.userId);
      const response = { meetingId, publishedAt: iso(publishedAt) };
      await this.audit.record(em, { councilId, action: 'meeting.documents_published', entityType: 'meeting', entityId: meetingId, after: response });
      return response;
    });
  }
}
