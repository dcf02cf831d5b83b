import { useEffect, useSyncExternalStore } from 'react';
import { accessToken, RESUME_RETRY_MS, type SessionStatus, status, subscribe } from './session';

/** The session's status, re-rendering on sign-in, sign-out and expiry (in this tab or another). */
export function useSessionStatus(): SessionStatus {
  const current = useSyncExternalStore(subscribe, status, status);
  useEffect(() => {
    // A stored refresh token (a reload, a new tab): trade it for an access token, once at a time across tabs.
    // Offline or the server busy: the page keeps waiting and tries again, rather than staying on "Loading" for good.
    if (current !== 'resuming') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const attempt = (): void => {
      void accessToken().then(() => {
        if (live && status() === 'resuming') timer = setTimeout(attempt, RESUME_RETRY_MS);
      });
    };
    attempt();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [current]);
  return current;
}
