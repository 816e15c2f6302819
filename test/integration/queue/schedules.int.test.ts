import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../../src/config/errors';
import { loadSchedules, parseSchedules } from '../../../src/queue/load-schedules';
import { QUEUES } from '../../../src/queue/names';
import {
  applySchedules,
  listSchedules,
  removeSchedule,
  upcomingRuns,
  upsertSchedule,
} from '../../../src/queue/schedulers';
import { DEFAULT_SCHEDULES, ScheduleSchema } from '../../../src/queue/schedules.schema';
import { useQueueHarness } from './queue-harness';

const ROOT = path.resolve(__dirname, '../../..');
const harness = useQueueHarness('schedules');
const iso = (ms: number) => new Date(ms).toISOString();

const closeAtSix = ScheduleSchema.parse({
  id: 'close-period:previous-month',
  job: 'close-period',
  cron: '0 6 1 * *',
  tz: 'Europe/Stockholm',
  payload: { period: 'previous' },
});

describe('config/schedules.yaml', () => {
  it('declares exactly the built-in defaults: sync every 15 min, close on the 1st at 06:00 Stockholm', () => {
    const file = path.join(ROOT, 'config/schedules.yaml');
    expect(parseSchedules(readFileSync(file, 'utf8'), file)).toEqual(DEFAULT_SCHEDULES);
    expect(loadSchedules(undefined, ROOT).file).toBe(file);
    expect(loadSchedules(undefined, '/nonexistent').schedules).toBe(DEFAULT_SCHEDULES);
  });

  it('names every bad entry at once', () => {
    const text = `schedules:
  - { id: Nightly, job: sync, cron: '0 2 * *', tz: Mars/Olympus }
  - { id: ok, job: close-period, cron: '0 6 1 * *', payload: { period: 2026-13 } }
  - { id: ok, job: sync, cron: '@daily', extra: 1 }
`;
    const error = (() => {
      try {
        parseSchedules(text, 'schedules.yaml');
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues.map((issue) => issue.path);
    expect(issues).toEqual(
      expect.arrayContaining([
        'schedules[0].id',
        'schedules[0].cron',
        'schedules[0].tz',
        'schedules[1].payload.period',
        'schedules[2]',
      ]),
    );
  });
});

describe('next runs across daylight saving (BullMQ cron parser)', () => {
  it('fires at 06:00 Stockholm: 05:00 UTC in winter, 04:00 UTC in summer', () => {
    const spring = upcomingRuns(closeAtSix, Date.parse('2026-02-15T00:00:00Z'), 3).map(iso);
    expect(spring).toEqual([
      '2026-03-01T05:00:00.000Z',
      '2026-04-01T04:00:00.000Z',
      '2026-05-01T04:00:00.000Z',
    ]);
    const autumn = upcomingRuns(closeAtSix, Date.parse('2026-09-15T00:00:00Z'), 3).map(iso);
    expect(autumn).toEqual([
      '2026-10-01T04:00:00.000Z',
      '2026-11-01T05:00:00.000Z',
      '2026-12-01T05:00:00.000Z',
    ]);
  });
});

describe('job schedulers in Redis', () => {
  it('sets, lists and removes schedules by id, with their time zones', async () => {
    const h = harness();
    await applySchedules(h.queues, DEFAULT_SCHEDULES);
    await applySchedules(h.queues, DEFAULT_SCHEDULES); // idempotent: upsert by id
    const listed = await listSchedules(h.queues);
    expect(listed.map((view) => [view.id, view.job, view.queue, view.cron, view.tz])).toEqual([
      [
        'close-period:previous-month',
        'close-period',
        QUEUES.closePeriod,
        '0 6 1 * *',
        'Europe/Stockholm',
      ],
      ['sync:current-period', 'sync', QUEUES.sync, '*/15 * * * *', 'Europe/Stockholm'],
    ]);
    const sync = listed.find((view) => view.job === 'sync')!;
    expect(Date.parse(sync.next!) % (15 * 60_000)).toBe(0);
    expect(await h.queues.queue(QUEUES.sync).getDelayedCount()).toBe(1);

    await removeSchedule(h.queues, 'sync:current-period');
    expect((await listSchedules(h.queues)).map((view) => view.id)).toEqual([
      'close-period:previous-month',
    ]);
    await expect(removeSchedule(h.queues, 'sync:current-period')).rejects.toThrow(
      'There is no schedule "sync:current-period"',
    );
  });

  it('moves a schedule to the queue of its new job kind', async () => {
    const h = harness();
    await upsertSchedule(
      h.queues,
      ScheduleSchema.parse({ id: 'weekly', job: 'sync', cron: '0 7 * * 1' }),
    );
    await upsertSchedule(
      h.queues,
      ScheduleSchema.parse({ id: 'weekly', job: 'setup-check', cron: '0 7 * * 1' }),
    );
    expect((await listSchedules(h.queues)).map((view) => [view.id, view.queue])).toEqual([
      ['weekly', QUEUES.setupCheck],
    ]);
  });

  it('queues the next close at the right UTC instant on each side of the spring change', async () => {
    const h = harness();
    const queue = h.queues.queue(QUEUES.closePeriod);
    for (const [start, expected] of [
      ['2031-02-15T00:00:00Z', '2031-03-01T05:00:00.000Z'],
      ['2031-03-15T00:00:00Z', '2031-04-01T04:00:00.000Z'],
    ] as const) {
      const view = await upsertSchedule(h.queues, closeAtSix, { startDate: Date.parse(start) });
      expect(view.next).toBe(expected);
      const [delayed] = await queue.getDelayed();
      expect(iso(delayed!.timestamp + delayed!.delay)).toBe(expected);
      expect(delayed!.data).toEqual({ period: 'previous' });
      expect(delayed!.opts.attempts).toBe(h.settings.attempts);
    }
  });
});
