/**
 * Tells the user, while one Odoo call is still out, that Tally is waiting and on what: a slow
 * server otherwise looks like a hung command until the timeout ends it.
 */
import type { Logger } from '../shared/logger';

export interface WaitingNoticeSettings {
  readonly logger: Logger;
  /** The server as it may be printed (no user or password). */
  readonly server: string;
  readonly timeoutMs: number;
  /** First notice after this long, then one each time it passes again. */
  readonly everyMs: number;
}

/** Default pause before the first "still waiting" line. */
export const DEFAULT_WAITING_NOTICE_MS = 5_000;

/** Runs `call`, logging a warning each `everyMs` it is still unanswered. */
export async function withWaitingNotice<T>(
  settings: WaitingNoticeSettings,
  what: string,
  call: () => Promise<T>,
): Promise<T> {
  const started = Date.now();
  const timer = setInterval(() => {
    const waitedS = Math.round((Date.now() - started) / 1000);
    settings.logger.warn(
      `Still waiting for Odoo at ${settings.server} to answer ${what} (${waitedS} s so far; the call gives up after ${settings.timeoutMs} ms, ODOO_TIMEOUT_MS).`,
      { event: 'odoo.waiting', call: what, waitedMs: Date.now() - started },
    );
  }, settings.everyMs);
  // A notice alone must never keep the process alive.
  timer.unref();
  try {
    return await call();
  } finally {
    clearInterval(timer);
  }
}
