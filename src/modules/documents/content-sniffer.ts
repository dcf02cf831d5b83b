import { fileTypeFromBuffer } from 'file-type';
import { DOCUMENT_CONTENT_TYPES, type DocumentContentType } from './entities/document-version.entity.js';

/** Bytes looked at to decide the type (the start of a zip-based Office file holds its first entries). */
export const SNIFF_BYTES = 256 * 1024;

/**
 * The content type of a paper, decided by its first bytes (file-type), never by its name or declared type;
 * undefined when it is none of the accepted ones (then 415 naming `file`).
 */
export async function sniffContentType(head: Uint8Array): Promise<DocumentContentType | undefined> {
  if (head.length === 0) return undefined;
  const found = await fileTypeFromBuffer(head);
  const mime = found?.mime as string | undefined;
  return mime && (DOCUMENT_CONTENT_TYPES as readonly string[]).includes(mime) ? (mime as DocumentContentType) : undefined;
}

/** The extensions a download's file name should end with, by content type. */
export const EXTENSIONS: Record<DocumentContentType, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};
