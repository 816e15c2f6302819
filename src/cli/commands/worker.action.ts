import { z } from 'zod';
import { ALL_JOBS } from '../../../jobs';
import { loadAgreementsConfig, resolveAgreementsConfigPath } from '../../config/load-agreements';
import { loadConnection } from '../../config/load-connection';
import { lockScopeOf } from '../../queue/customer-lock';
import { closeRedis, connectRedis, describeRedisUrl } from '../../queue/connection';
import { BOARD_PATH, startDashboard, type Dashboard } from '../../queue/dashboard/dashboard-server';
import {
  loadDashboardSettings,
  type DashboardSettings,
} from '../../queue/dashboard/dashboard-settings';
import { loadSchedules } from '../../queue/load-schedules';
import { TallyMetrics } from '../../queue/metrics';
import { logObserver } from '../../queue/progress/log-observer';
import { ttyObserver } from '../../queue/progress/tty-observer';
import { loadQueueSettings, type QueueSettings } from '../../queue/queue-settings';
import { applySchedules, type ScheduleView } from '../../queue/schedulers';
import { TallyQueues } from '../../queue/tally-queues';
import { createOdooCallGate, createWorkerRuntime } from '../../queue/worker-runtime';
import { systemClock } from '../../shared/clock';
import type { SecretScrubber } from '../../shared/redact';
import { createTallyHandlers } from '../../sync/job-handlers';
import { cliLogger } from '../cli-logger';
import type { Output } from '../output';
import { parseOptions } from '../parse-options';
import type { StopRequests } from '../stop-requests';
import { drainOnStop } from '../worker-drain';

const WorkerFlagsSchema = z.object({
  dashboard: z.boolean().default(false),
  dashboardHost: z.string().min(1).optional(),
  dashboardPort: z.coerce.number().int().min(0).max(65535).optional(),
  concurrency: z.coerce.number().int().min(1).max(64).optional(),
  schedules: z.union([z.string().min(1), z.boolean()]).default(true),
});

/**
 * `tally worker`: runs the queued jobs until SIGTERM/SIGINT, applying the schedules file first;
 * with `--dashboard` it also serves Bull Board, `/healthz` and `/metrics`.
 */
export async function workerAction(
  raw: unknown,
  output: Output,
  listenForStop: () => StopRequests,
  scrubber: SecretScrubber,
): Promise<void> {
  const flags = parseOptions('worker', WorkerFlagsSchema, raw);
  // Everything a typo can break is checked before anything connects (exit status 2).
  const connection = loadConnection({ env: process.env, scrubber });
  const agreements = loadAgreementsConfig(
    resolveAgreementsConfigPath(process.env, process.cwd(), connection.agreementsPath),
  );
  const settings = loadQueueSettings(process.env, {
    redisUrl: connection.redis.url,
    ...(flags.concurrency === undefined ? {} : { concurrency: flags.concurrency }),
  });
  const schedules =
    flags.schedules === false
      ? null
      : loadSchedules(
          typeof flags.schedules === 'string' ? flags.schedules : settings.schedulesFile,
          process.cwd(),
        );
  const dashboardSettings: DashboardSettings | null = flags.dashboard
    ? loadDashboardSettings(process.env, scrubber, {
        ...(flags.dashboardHost === undefined ? {} : { host: flags.dashboardHost }),
        ...(flags.dashboardPort === undefined ? {} : { port: flags.dashboardPort }),
      })
    : null;

  const logger = cliLogger(process.env, output, scrubber, 'info');
  const redis = await connectRedis(settings.redisUrl);
  const queues = new TallyQueues(redis, settings);
  const metrics = new TallyMetrics(queues);
  const handlers = createTallyHandlers({
    connection,
    agreements,
    redis,
    keyPrefix: settings.prefix,
    logger,
    clock: systemClock,
    odooCalls: createOdooCallGate(redis, settings, metrics),
  });
  let dashboard: Dashboard | null = null;
  const closeConnections = async () => {
    await dashboard?.close();
    await handlers.close();
    await queues.close();
    await closeRedis(redis);
  };
  let applied: readonly ScheduleView[] = [];
  try {
    // The dashboard listens before any job is taken: a worker that cannot serve it stops here.
    if (dashboardSettings !== null)
      dashboard = await startDashboard({ queues, metrics, settings: dashboardSettings });
    if (schedules !== null) applied = await applySchedules(queues, schedules.schedules);
  } catch (error) {
    await closeConnections();
    throw error;
  }

  // Listen before announcing readiness, so a stop request right after the banner is not lost.
  const stop = listenForStop();
  try {
    const runtime = createWorkerRuntime({
      handlers,
      jobs: ALL_JOBS,
      redis,
      settings,
      scrubber,
      logger,
      metrics,
      queues,
      lockScope: lockScopeOf(connection.odoo),
      observer: output.isTerminal
        ? ttyObserver((text) => process.stdout.write(text))
        : logObserver(logger),
    });
    printBanner(
      output,
      settings,
      schedules === null ? null : { file: schedules.file, applied },
      dashboard,
    );
    await drainOnStop({
      runtime,
      stop,
      graceMs: settings.shutdownGraceMs,
      logger,
      closeConnections,
      exit: (code) => process.exit(code),
    });
  } finally {
    stop.dispose();
  }
}

function printBanner(
  output: Output,
  settings: QueueSettings,
  schedules: { file: string | null; applied: readonly ScheduleView[] } | null,
  dashboard: Dashboard | null,
): void {
  output.print(
    `Tally worker running on ${describeRedisUrl(settings.redisUrl)} (prefix ${settings.prefix}, ${settings.concurrency} sync jobs at once, Odoo limited to ${settings.odooRps === 0 ? 'no limit' : `${settings.odooRps} calls/s`}).`,
  );
  if (schedules !== null)
    output.print(
      `Schedules from ${schedules.file ?? 'the built-in defaults'}: ${schedules.applied.map((view) => `${view.id} (next ${view.next ?? '-'})`).join(', ') || 'none'}.`,
    );
  if (dashboard !== null) {
    output.print(`Dashboard listening on ${dashboard.url}${BOARD_PATH}`);
    // Printed once, to stdout and never to the logs: the person who started the worker needs it.
    if (dashboard.generatedToken !== null)
      output.print(
        `Dashboard token for this run (set TALLY_DASHBOARD_TOKEN to choose one): ${dashboard.generatedToken}`,
      );
  }
  output.print('Press Ctrl+C to stop.');
}
