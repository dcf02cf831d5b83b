import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { accessToken, refresh } from '../auth/session';
import '../styles/documents.css';

/** How long a document that the worker builds (202 Accepted) is waited for before giving up. */
const MAX_WAIT_MS = 5 * 60_000;
/** Between two asks while it is being built, when the API gives no Retry-After. */
const DEFAULT_RETRY_MS = 2_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A refusal of the API while fetching a document, with its own message. */
export class DocumentError extends Error {
  constructor(
    readonly status: number,
    readonly body?: ApiError,
  ) {
    super(body?.message ?? `HTTP ${status}`);
  }
}

interface Progress {
  /** How many times the API said the document is still being built (202). */
  waits: number;
  /** Seconds since the press. */
  seconds: number;
}

/** GET `path` with the bearer token (a refreshed one once on a 401). */
async function fetchWithToken(path: string, signal: AbortSignal): Promise<Response> {
  const token = await accessToken();
  const get = (t: string | undefined) => fetch(path, { signal, headers: t ? { authorization: `Bearer ${t}` } : {} });
  const response = await get(token);
  if (response.status !== 401) return response;
  const fresh = await refresh(token);
  return fresh ? get(fresh) : response;
}

/**
 * The document at `path` as a Blob: asks again while the API answers 202 (a document the worker is still
 * building: its Retry-After and Location are followed), telling `onProgress`; an error answer → DocumentError.
 */
export async function fetchDocument(path: string, signal: AbortSignal, onProgress: (p: Progress) => void): Promise<Blob> {
  const started = Date.now();
  let url = path;
  for (let waits = 0; ;) {
    const response = await fetchWithToken(url, signal);
    if (response.status === 202) {
      waits++;
      if (Date.now() - started > MAX_WAIT_MS) throw new DocumentError(202);
      const location = response.headers.get('location');
      if (location) {
        const next = new URL(location, globalThis.location.origin);
        if (next.origin === globalThis.location.origin) url = next.pathname + next.search;
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      const delay = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 10_000) : DEFAULT_RETRY_MS;
      // Counting the seconds while waiting, so that a long build shows that it is going on.
      const until = Date.now() + delay;
      while (Date.now() < until) {
        onProgress({ waits, seconds: Math.round((Date.now() - started) / 1000) });
        await sleep(Math.min(1_000, until - Date.now()));
        if (signal.aborted) throw new DOMException('aborted', 'AbortError');
      }
      continue;
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => undefined)) as ApiError | undefined;
      throw new DocumentError(response.status, body);
    }
    return response.blob();
  }
}

interface Props {
  /**
   * The API path of the document (same origin, with its query: `?lang=`), or a function that finds it first
   * (e.g. produces a report, then names its document).
   */
  path: string | (() => Promise<string>);
  /** The name a download of it gets. */
  fileName: string;
  children: ReactNode;
  className?: string;
}

/**
 * A print-ready document of the API (PDF or HTML) behind the bearer token, which a plain link would not
 * carry: a button that fetches it with the token and opens it in a new tab (as a Blob's object URL); the
 * document also stays offered as a link to open and a link to download (when the browser blocks the new
 * tab, or it went unnoticed). While it is fetched: "Preparing…", and for a document the worker builds,
 * the seconds waited; a failure shows the API's reason.
 */
export function DocumentLink({ path, fileName, children, className }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | undefined>();
  const [error, setError] = useState<unknown>();
  const [url, setUrl] = useState<string | undefined>();
  const [blocked, setBlocked] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);

  // The object URL lives as long as the link (or until the document is fetched again).
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  useEffect(() => () => abort.current?.abort(), []);

  const open = async () => {
    if (busy) return;
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setBusy(true);
    setError(undefined);
    setProgress(undefined);
    setBlocked(false);
    try {
      const target = typeof path === 'string' ? path : await path();
      const blob = await fetchDocument(target, controller.signal, setProgress);
      const objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
      const tab = window.open(objectUrl, '_blank');
      if (!tab) setBlocked(true);
    } catch (err) {
      if ((err as { name?: string }).name !== 'AbortError') setError(err);
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };

  const body = error instanceof DocumentError ? error.body : (error as { api?: ApiError } | undefined)?.api;
  const tooLong = error instanceof DocumentError && error.status === 202;
  return (
    <div className={`document-link ${className ?? ''}`}>
      <Button className="button button-secondary" onPress={() => void open()}>
        {children}
      </Button>
      <p role="status" className="document-status">
        {busy
          ? progress
            ? t('documents.building', { seconds: progress.seconds })
            : t('documents.preparing')
          : url
            ? blocked
              ? t('documents.blocked')
              : t('documents.opened')
            : ''}
      </p>
      {url && !busy && (
        <p className="document-fallback">
          <a href={url} target="_blank" rel="noreferrer">
            {t('documents.openAgain')}
          </a>{' '}
          ·{' '}
          <a href={url} download={fileName}>
            {t('documents.download', { name: fileName })}
          </a>
        </p>
      )}
      {error !== undefined && (
        <p role="alert" className="alert">
          {tooLong ? t('documents.tooLong') : body?.message ? t('documents.failedWith', { message: body.message }) : t('documents.failed')}
        </p>
      )}
    </div>
  );
}
