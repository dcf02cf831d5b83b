/**
 * The signed-in session of this browser.
 *
 * - The access token lives in memory only (this module), never in storage.
 * - The refresh token is kept in localStorage, so that a reload or a new tab of the same browser stays
 *   signed in, and so that every tab reads the one current refresh token.
 * - Refresh tokens rotate and the server revokes the whole session when one is spent twice: a refresh is
 *   done under a Web Lock shared by every tab of the origin (`navigator.locks`), reading the refresh token
 *   inside the lock, so that two tabs never spend the same one. Inside the lock the token is read from
 *   IndexedDB, not localStorage: each tab's process keeps its own copy of localStorage, updated a moment
 *   after another tab writes, so a tab taking the lock could still read the token just spent; an IndexedDB
 *   write committed before the lock is released is seen by the next holder. localStorage keeps a copy for
 *   the synchronous "is there a session" check. The tab that refreshed shares its new access token over a
 *   BroadcastChannel; a tab that was waiting for the lock takes it instead of refreshing again.
 * - Sign-out and an ended session are broadcast too: every tab returns to sign-in.
 */

import { del, get, set } from 'idb-keyval';

const REFRESH_KEY = 'protempore.refreshToken';
const LOCK = 'protempore.auth.refresh';
const CHANNEL = 'protempore.auth';
/** An access token this close to its end is refreshed before use. */
const MARGIN_MS = 30_000;
/** Waits before trying a refresh again after a failure that is not a refusal (offline, 5xx, 429). */
const RETRY_DELAYS_MS = [250, 500, 1_000, 2_000];
/** While a stored session cannot be resumed for such a failure, the next try comes this much later. */
export const RESUME_RETRY_MS = 5_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export type SignedOutReason = 'signed_out' | 'expired';

interface Tokens {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
}

type Message = { type: 'tokens'; accessToken: string; expiresAt: number } | { type: 'signed_out'; reason: SignedOutReason };

interface TokenResponse {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
}

let current: Tokens | undefined;
let signedOutReason: SignedOutReason | undefined;
/**
 * Set when the session ended (here or in another tab): the stored refresh token no longer counts, even if
 * this tab still reads it a moment longer (storage reaches other tabs after the broadcast may).
 */
let ended = false;
const listeners = new Set<() => void>();
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined;

function notify(): void {
  for (const listener of listeners) listener();
}

channel?.addEventListener('message', (event: MessageEvent<Message>) => {
  const message = event.data;
  if (message.type === 'tokens') {
    // Another tab signed in or refreshed: this one takes the access token (a tab still resuming is signed in now).
    if (!current || current.expiresAt < message.expiresAt) current = { accessToken: message.accessToken, expiresAt: message.expiresAt };
    signedOutReason = undefined;
    ended = false;
    notify();
  } else if (message.type === 'signed_out') {
    end(message.reason, false);
  }
});

// Another tab stored or removed the refresh token: the status may have changed.
globalThis.addEventListener?.('storage', (event: StorageEvent) => {
  if (event.key === REFRESH_KEY || event.key === null) notify();
});

function storedRefreshToken(): string | null {
  try {
    return localStorage.getItem(REFRESH_KEY);
  } catch {
    return null;
  }
}

/** The refresh token as last committed by any tab (IndexedDB), or the localStorage copy where IndexedDB fails. */
async function committedRefreshToken(): Promise<string | null> {
  try {
    const token = await get<string>(REFRESH_KEY);
    if (typeof token === 'string') return token;
  } catch {
    // private modes without IndexedDB: the localStorage copy is all there is
  }
  return storedRefreshToken();
}

async function storeRefreshToken(token: string): Promise<void> {
  try {
    await set(REFRESH_KEY, token); // resolves once the write is committed
  } catch {
    // without IndexedDB the localStorage copy below is the only one
  }
  localStorage.setItem(REFRESH_KEY, token);
}

function forgetRefreshToken(): void {
  localStorage.removeItem(REFRESH_KEY);
  del(REFRESH_KEY).catch(() => undefined);
}

async function adopt(tokens: TokenResponse, broadcast: boolean): Promise<Tokens> {
  await storeRefreshToken(tokens.refreshToken);
  current = { accessToken: tokens.accessToken, expiresAt: Date.now() + tokens.expiresIn * 1000 };
  signedOutReason = undefined;
  ended = false;
  if (broadcast) channel?.postMessage({ type: 'tokens', ...current } satisfies Message);
  notify();
  return current;
}

function end(reason: SignedOutReason, broadcast: boolean): void {
  const wasSignedIn = current !== undefined || storedRefreshToken() !== null;
  current = undefined;
  ended = true;
  if (broadcast) {
    forgetRefreshToken();
    channel?.postMessage({ type: 'signed_out', reason } satisfies Message);
  }
  if (wasSignedIn || broadcast || reason === 'expired') signedOutReason = reason;
  notify();
}

const fresh = (tokens: Tokens | undefined): boolean => tokens !== undefined && tokens.expiresAt - MARGIN_MS > Date.now();

async function postJson(path: string, body: unknown): Promise<Response> {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Runs `task` holding the refresh lock of every tab (or directly where Web Locks are missing: one tab only then). */
function withLock<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request(LOCK, task);
  return task();
}

let pending: Promise<string | undefined> | undefined;

/**
 * A new access token from the stored refresh token, once at a time across tabs. `stale`: the access
 * token that was refused (a 401), so that one received meanwhile from another tab is taken instead.
 */
export function refresh(stale?: string): Promise<string | undefined> {
  pending ??= withLock(async () => {
    // Another tab may have refreshed while this one waited for the lock (its broadcast brought the token).
    if (current && fresh(current) && current.accessToken !== stale) {
      notify();
      return current.accessToken;
    }
    let transient = 0;
    for (let refused = 0; refused < 2;) {
      const refreshToken = ended ? null : await committedRefreshToken();
      if (!refreshToken) {
        if (current || stale) end('expired', false);
        else notify();
        return undefined;
      }
      let response: Response | undefined;
      try {
        response = await postJson('/auth/refresh', { refreshToken });
      } catch {
        response = undefined; // offline, or a connection dropped on the way
      }
      if (response?.ok) return (await adopt((await response.json()) as TokenResponse, true)).accessToken;
      if (response === undefined || (response.status !== 400 && response.status !== 401)) {
        // Not a refusal (offline, busy, rate-limited): keep the session and try again a little later.
        if (transient >= RETRY_DELAYS_MS.length) return undefined;
        await sleep(RETRY_DELAYS_MS[transient++]);
        continue;
      }
      // Refused: unless a tab without the lock stored a newer token meanwhile, the session is over.
      if ((await committedRefreshToken()) === refreshToken) break;
      refused++;
    }
    end('expired', true);
    return undefined;
  }).finally(() => {
    pending = undefined;
  });
  return pending;
}

/** The access token to send: the one in memory if fresh, else a refreshed one (undefined: signed out). */
export async function accessToken(): Promise<string | undefined> {
  if (current && fresh(current)) return current.accessToken;
  return refresh(current?.accessToken);
}

export type SignInResult = 'ok' | 'invalid' | 'rate_limited' | 'error';

export async function signIn(email: string, password: string): Promise<SignInResult> {
  let response: Response;
  try {
    response = await postJson('/auth/login', { email, password });
  } catch {
    return 'error';
  }
  if (response.ok) {
    await adopt((await response.json()) as TokenResponse, true);
    return 'ok';
  }
  if (response.status === 401 || response.status === 400) return 'invalid';
  if (response.status === 429) return 'rate_limited';
  return 'error';
}

export async function signOut(): Promise<void> {
  const refreshToken = storedRefreshToken();
  end('signed_out', true);
  if (refreshToken) await postJson('/auth/logout', { refreshToken }).catch(() => undefined);
}

/** The session ended by itself (refresh refused): back to sign-in, with a message. */
export function sessionExpired(): void {
  end('expired', true);
}

export type SessionStatus = 'signed_in' | 'resuming' | 'signed_out';

/** Signed in (a token in memory), resuming (a refresh token stored: a reload, a new tab), or signed out. */
export function status(): SessionStatus {
  if (current) return 'signed_in';
  return !ended && storedRefreshToken() !== null ? 'resuming' : 'signed_out';
}
export const signedOut = (): SignedOutReason | undefined => signedOutReason;
export function clearSignedOutReason(): void {
  signedOutReason = undefined;
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
