import type { WorkerRuntime } from '../queue/worker-runtime';
import type { Logger } from '../shared/logger';
import { EXIT, type ExitCode } from './exit-codes';
import type { StopRequests } from './stop-requests';

export interface DrainDeps {
  readonly runtime: Pick<WorkerRuntime, 'running' | 'close'>;
  readonly stop: StopRequests;
  /** TALLY_SHUTDOWN_GRACE_MS: how long running jobs may take to finish. */
  readonly graceMs: number;
  readonly logger: Logger;
  /** Closes what the workers ran on (dashboard, Odoo client, queues, Redis). */
  readonly closeConnections: () => Promise<void>;
  readonly exit: (code: ExitCode) => void;
}

const jobs = (count: number) => (count === 1 ? '1 job' : `${count} jobs`);

/**
 * The worker's way out: at the first SIGINT/SIGTERM it says it is draining, takes no new jobs,
 * waits up to the grace period for running ones and closes everything; a second signal ends the
 * process at once (exit 1). A drain that ran out of grace exits 0 at once, because an abandoned
 * job may still wait on Odoo with its socket open; its work is retried or taken over elsewhere.
 */
export async function drainOnStop(deps: DrainDeps): Promise<void> {
  const { runtime, logger, graceMs } = deps;
  const signal = await deps.stop.first;
  logger.warn(
    `${signal} received: draining (${jobs(runtime.running())} running, up to ${graceMs} ms to finish, TALLY_SHUTDOWN_GRACE_MS); no new jobs are taken. Send it again to stop at once.`,
    { event: 'worker.draining', signal, running: runtime.running(), graceMs },
  );
  let forced = false;
  void deps.stop.again.then((again) => {
    forced = true;
    const running = runtime.running();
    logger.error(
      `${again} received again: stopping at once without draining; ${jobs(running)} left running, taken over by another worker once ${running === 1 ? 'its lock lapses' : 'their locks lapse'}.`,
      { event: 'worker.stopped', graceful: false, unfinished: running, signal: again },
    );
    deps.exit(EXIT.failure);
  });

  const { graceful, unfinished } = await runtime.close(graceMs);
  await deps.closeConnections();
  if (forced) return;
  if (graceful) {
    logger.info('Drained: every running job finished; the worker stopped cleanly.', {
      event: 'worker.stopped',
      graceful,
      unfinished,
    });
    return;
  }
  logger.warn(
    `Grace of ${graceMs} ms ran out: ${jobs(unfinished)} left unfinished, to be retried or taken over by another worker; the worker stopped.`,
    { event: 'worker.stopped', graceful, unfinished },
  );
  deps.exit(EXIT.ok);
}
