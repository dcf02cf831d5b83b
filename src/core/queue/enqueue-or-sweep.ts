import type { Logger } from '@nestjs/common';

/** How long a request waits for the queue to take a job before it answers anyway. */
export const ENQUEUE_TIMEOUT_MS = 2_000;

/**
 * Adds a job whose work a sweeper also does (a delayed close, a term's transfer): the request waits at most
 * `timeoutMs` for the queue, and a queue that fails or hangs is only logged — the sweeper is the backstop, so
 * the work is delayed to its next run, never lost. `job` names the job and `sweeper` what the sweeper will do,
 * for the log lines ("the sweeper will close the procedure").
 */
export async function enqueueOrLeaveToSweeper(
  add: Promise<unknown>,
  log: { logger: Pick<Logger, 'warn'>; context: Record<string, unknown>; job: string; sweeper: string },
  timeoutMs = ENQUEUE_TIMEOUT_MS,
): Promise<void> {
  const added = add.then(() => 'added' as const);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    if ((await Promise.race([added, timeout])) === 'timeout')
      log.logger.warn(log.context, `the queue did not take the ${log.job} in time; the sweeper will ${log.sweeper}`);
  } catch (err) {
    log.logger.warn({ err, ...log.context }, `could not queue the ${log.job}; the sweeper will ${log.sweeper}`);
  } finally {
    clearTimeout(timer);
    added.catch(() => undefined);
  }
}
