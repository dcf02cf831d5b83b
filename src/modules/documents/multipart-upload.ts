import type { MultipartFile } from '@fastify/multipart';
import { DomainException, InvalidInputException } from '../../core/errors/domain.exception.js';
import { StoredObjectTooLargeError } from './store/document-store.js';

/** 413 for a file over the limit, naming the file part. */
export function tooLarge(maxBytes: number): DomainException {
  return new DomainException(
    'PAYLOAD_TOO_LARGE',
    413,
    `file is larger than the limit of ${maxBytes} bytes`,
    [{ field: 'file', rule: 'max_size', message: `file must be at most ${maxBytes} bytes` }],
    { maxBytes },
  );
}

/** The multipart parser's own errors, in the house's error body. */
export function mapMultipartError(err: unknown, maxBytes: number): unknown {
  if (err instanceof DomainException) return err;
  if (err instanceof StoredObjectTooLargeError) return tooLarge(maxBytes);
  const code = (err as { code?: string }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(maxBytes);
    case 'FST_FILES_LIMIT':
      return new InvalidInputException('file', 'once', 'an upload carries one file');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new InvalidInputException('body', 'parts', 'an upload has the parts file, language and title only');
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return new InvalidInputException('body', 'multipart', 'the multipart body is not valid');
    case 'FST_MP_PREMATURE_CLOSE':
      return new DomainException('UPLOAD_INTERRUPTED', 400, 'the upload ended before the file was complete', [
        { field: 'file', rule: 'complete', message: 'the file did not arrive whole' },
      ]);
    default:
      if (err instanceof Error && /Unexpected end of (multipart|form)|Malformed|boundary/i.test(err.message)) {
        return new DomainException('UPLOAD_INTERRUPTED', 400, 'the multipart body is malformed or ended early', [
          { field: 'body', rule: 'multipart', message: err.message },
        ]);
      }
      return err;
  }
}

export async function drain(part: MultipartFile): Promise<void> {
  for await (const _ of part.file) void _;
}

export async function drainIterator(it: AsyncIterator<Buffer>): Promise<void> {
  for (;;) if ((await it.next()).done) return;
}
