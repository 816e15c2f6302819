import { ConfigError } from '../../../src/config/errors';
import { startDashboard, type Dashboard } from '../../../src/queue/dashboard/dashboard-server';
import { loadDashboardSettings } from '../../../src/queue/dashboard/dashboard-settings';
import { JOBS, QUEUES } from '../../../src/queue/names';
import { SecretScrubber } from '../../../src/shared/redact';
import { FakeHandlers } from './fake-handlers';
import { eventually, useQueueHarness } from './queue-harness';

const harness = useQueueHarness('dashboard');
const TOKEN = 'a-long-dashboard-token-for-tests';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

let dashboard: Dashboard | undefined;
afterEach(async () => {
  await dashboard?.close();
  dashboard = undefined;
});

async function get(path: string, authorization?: string): Promise<Response> {
  return fetch(`${dashboard!.url}${path}`, {
    headers: authorization === undefined ? {} : { authorization },
    redirect: 'manual',
  });
}

describe('dashboard authentication', () => {
  it('answers 401 without valid credentials and 200 with a token or basic auth', async () => {
    const h = harness();
    const settings = loadDashboardSettings(
      {
        TALLY_DASHBOARD_TOKEN: TOKEN,
        TALLY_DASHBOARD_USER: 'finance',
        TALLY_DASHBOARD_PASSWORD: 'correct-horse-battery',
      },
      new SecretScrubber(),
      { port: 0 },
    );
    const runtime = h.startWorker(new FakeHandlers());
    dashboard = await startDashboard({ queues: h.queues, metrics: runtime.metrics, settings });
    expect(dashboard.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(dashboard.generatedToken).toBeNull();

    for (const path of ['/healthz', '/metrics', '/queues', '/queues/api/queues']) {
      const denied = await get(path);
      expect([path, denied.status]).toEqual([path, 401]);
      expect(denied.headers.get('www-authenticate')).toContain('Basic');
      expect((await get(path, 'Bearer not-the-token-at-all-00')).status).toBe(401);
      expect((await get(path, basic('finance', 'wrong'))).status).toBe(401);
    }
    const health = await get('/healthz', `Bearer ${TOKEN}`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', redis: 'up' });
    expect((await get('/healthz', basic('finance', 'correct-horse-battery'))).status).toBe(200);
    const board = await get('/queues', basic('anyone', TOKEN));
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('<html');
    const api = await get('/queues/api/queues', `Bearer ${TOKEN}`);
    expect(JSON.stringify(await api.json())).toContain(QUEUES.closePeriod);
  });

  it('makes a token for the run when none is configured on a loopback address', async () => {
    const h = harness();
    const settings = loadDashboardSettings({}, new SecretScrubber(), { port: 0 });
    const runtime = h.startWorker(new FakeHandlers());
    dashboard = await startDashboard({ queues: h.queues, metrics: runtime.metrics, settings });
    expect(dashboard.generatedToken).toMatch(/^[\w-]{32}$/);
    expect((await get('/healthz')).status).toBe(401);
    expect((await get('/healthz', `Bearer ${dashboard.generatedToken!}`)).status).toBe(200);
  });

  it('refuses a non-loopback address without credentials', () => {
    for (const host of ['0.0.0.0', '192.0.2.10', '::']) {
      expect(() =>
        loadDashboardSettings({ TALLY_DASHBOARD_HOST: host }, new SecretScrubber()),
      ).toThrow(ConfigError);
    }
    expect(() =>
      loadDashboardSettings(
        { TALLY_DASHBOARD_HOST: '0.0.0.0', TALLY_DASHBOARD_TOKEN: TOKEN },
        new SecretScrubber(),
      ),
    ).not.toThrow();
    expect(() =>
      loadDashboardSettings({ TALLY_DASHBOARD_USER: 'finance' }, new SecretScrubber()),
    ).toThrow('TALLY_DASHBOARD_PASSWORD');
  });
});

describe('/metrics', () => {
  it('reports jobs by state, durations, lines written and hours by coverage', async () => {
    const h = harness();
    const handlers = new FakeHandlers();
    const runtime = h.startWorker(handlers);
    const settings = loadDashboardSettings({ TALLY_DASHBOARD_TOKEN: TOKEN }, new SecretScrubber(), {
      port: 0,
    });
    dashboard = await startDashboard({ queues: h.queues, metrics: runtime.metrics, settings });
    const sync = h.queues.queue(QUEUES.sync);
    await sync.add(JOBS.syncCustomer, { period: '2026-11', customerId: 1, full: false });
    await sync.add(JOBS.syncCustomer, { period: '2026-11', customerId: 2, full: false });
    await eventually(async () => ((await sync.getCompletedCount()) === 2 ? true : undefined));
    await h.queues
      .queue(QUEUES.closePeriod)
      .add(JOBS.closePeriodCustomer, { period: 'bad', customerId: 1 });
    await eventually(async () =>
      (await h.queues.queue(QUEUES.closePeriod).getFailedCount()) === 1 ? true : undefined,
    );

    const response = await get('/metrics', `Bearer ${TOKEN}`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('tally_queue_jobs{queue="tally-sync",state="completed"} 2');
    expect(text).toContain('tally_queue_jobs{queue="tally-close-period",state="failed"} 1');
    expect(text).toContain('tally_queue_jobs{queue="tally-sync",state="waiting"} 0');
    expect(text).toMatch(
      /tally_job_duration_seconds_count\{queue="tally-sync",job="sync-customer",outcome="completed"\} 2/,
    );
    expect(text).toMatch(
      /tally_job_duration_seconds_count\{queue="tally-close-period",job="close-period-customer",outcome="failed"\} 1/,
    );
    expect(text).toContain('tally_invoice_lines_written_total{action="created"} 4');
    expect(text).toContain('tally_invoice_lines_written_total{action="updated"} 2');
    expect(text).toContain('tally_hours_total{coverage="billable"} 3');
    expect(text).toContain('tally_hours_total{coverage="covered"} 1');
    expect(text).toContain('# TYPE tally_odoo_calls_total counter');
  });
});
