/**
 * When started by `npm start`'s launcher (over an IPC channel), shut down
 * cleanly if the launcher goes away, even if it was killed outright.
 */
export function exitWithParent(close: () => Promise<void>): void {
  if (!process.send) return;
  process.on('disconnect', () => {
    close()
      .catch(() => undefined)
      .finally(() => process.exit(0));
  });
}
