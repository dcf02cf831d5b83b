import { useEffect, useSyncExternalStore } from 'react';
import { accessToken, type SessionStatus, status, subscribe } from './session';

/** The session's status, re-rendering on sign-in, sign-out and expiry (in this tab or another). */
export function useSessionStatus(): SessionStatus {
  const current = useSyncExternalStore(subscribe, status, status);
  useEffect(() => {
    // A stored refresh token (a reload, a new tab): trade it for an access token, once at a time across tabs.
    if (current === 'resuming') void accessToken();
  }, [current]);
  return current;
}
