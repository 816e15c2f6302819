import { randomUUID } from 'node:crypto';
import { closeRedis, connectRedis } from '../../src/queue/connection';
import { enqueueJob } from '../../src/queue/enqueue';
import { JOBS, QUEUES } from '../../src/queue/names';
import { loadQueueSettings } from '../../src/queue/queue-settings';
import { TallyQueues } from '../../src/queue/tally-queues';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { assertCliBuilt, CLI_PATH, runCli } from '../support/cli';
import { HANG_MS } from '../support/hang';
import { deletePrefix } from '../support/redis';
import { useSandbox } from '../support/start-sandbox';

const sandbox = useSandbox({ seed: 'demo' });
const prefix = `{e2e-worker-${randomUUID().slice(0, 8)}}`;

let env: Record<string, string>;
let worker: ChildProcessWithoutNullStreams | undefined;
let output = '';

/** Starts `tally <args>` with `env` and resolves with the stdout match of `ready`. */
function startWorker(args: readonly string[], ready: RegExp): Promise<RegExpMatchArray> {
  assertCliBuilt();
  const child = spawn(process.execPath, [CLI_PATH, ...args], { env: { ...process.env, ...env } });
  worker = child;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not ready:\n${output}`)), HANG_MS);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${String(code)} before it was ready:\n${output}`));
    });
  });
}

function stop(signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    worker!.on('close', (code) => resolve(code));
    worker!.kill(signal);
  });
}

beforeAll(async () => {
  const s = sandbox();
  env = {
    ODOO_URL: s.url,
    ODOO_DB: s.db,
    ODOO_LOGIN: s.login,
    ODOO_API_KEY: s.apiKey,
    TALLY_QUEUE_PREFIX: prefix,
    TALLY_ODOO_RPS: '0',
    TALLY_SHUTDOWN_GRACE_MS: '5000',
  };
  const setup = await runCli(['setup', '--create-products'], env);
  expect(setup.code).toBe(0);
});

afterAll(async () => {
  if (worker !== undefined && worker.exitCode === null) await stop('SIGKILL');
  const redis = await connectRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  await deletePrefix(redis, prefix);
  await closeRedis(redis);
});

describe('tally worker --dashboard (built CLI, sandbox Odoo, real Redis)', () => {
  it('serves an authenticated dashboard, runs a queued sync, and stops cleanly on SIGTERM', async () => {
    const ready = await startWorker(
      ['worker', '--dashboard', '--dashboard-port', '0', '--no-schedules'],
      /Dashboard token for this run[^:]*: (\S+)\n/,
    );
    const token = ready[1]!;
    const url = /Dashboard listening on (http:\/\/127\.0\.0\.1:\d+)\/queues/.exec(output)![1]!;

    expect((await fetch(`${url}/healthz`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    const health = await fetch(`${url}/healthz`, { headers: { authorization: `Bearer ${token}` } });
    expect(health.status).toBe(200);

    const redis = await connectRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const queues = new TallyQueues(redis, loadQueueSettings(env));
    try {
      await enqueueJob(queues, 'sync', { period: 'current' });
      const sync = queues.queue(QUEUES.sync);
      const deadline = Date.now() + HANG_MS;
      let summary;
      while (summary === undefined && Date.now() < deadline) {
        summary = (await sync.getJobs(['completed'])).find((job) => job.name === JOBS.syncSummary);
        if (summary === undefined) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(summary?.returnvalue).toMatchObject({ failed: 0, skipped: 0 });
      expect((summary!.returnvalue as { completed: number }).completed).toBeGreaterThan(0);
    } finally {
      await queues.close();
      await closeRedis(redis);
    }

    const metrics = await (
      await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } })
    ).text();
    expect(metrics).toMatch(
      /tally_odoo_calls_total\{model="account.analytic.line",method="search_read",outcome="ok"\} [1-9]/,
    );
    expect(metrics).toMatch(
      /tally_job_duration_seconds_count\{queue="tally-sync",job="sync-customer",outcome="completed"\} [1-9]/,
    );

    const status = await runCli(['status', '--json'], env);
    expect(status.code).toBe(0);
    const report = JSON.parse(status.stdout) as {
      customers: { outcome: string; summary: { cursor: unknown } | null }[];
      queues: { queue: string; counts: { completed: number } }[];
    };
    expect(report.customers.length).toBeGreaterThan(0);
    expect(report.customers.every((run) => run.outcome === 'completed')).toBe(true);
    expect(report.customers.some((run) => run.summary?.cursor !== null)).toBe(true);

    expect(await stop('SIGTERM')).toBe(0);
    expect(output).toContain('Drained: every running job finished; the worker stopped cleanly.');
    expect(output).not.toContain(env.ODOO_API_KEY!);
  });
});
