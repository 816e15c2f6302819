import { randomUUID } from 'node:crypto';
import { closeRedis, connectRedis } from '../../src/queue/connection';
import { runCli } from '../support/cli';
import { deletePrefix } from '../support/redis';

const env = { TALLY_QUEUE_PREFIX: `{e2e-schedule-${randomUUID().slice(0, 8)}}` };

afterAll(async () => {
  const redis = await connectRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  await deletePrefix(redis, env.TALLY_QUEUE_PREFIX);
  await closeRedis(redis);
});

interface Listed {
  id: string;
  job: string;
  cron: string;
  tz: string;
  payload: Record<string, unknown>;
  next: string;
}

async function list(): Promise<Listed[]> {
  const result = await runCli(['schedule', 'list', '--json'], env);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Listed[];
}

describe('tally schedule (built CLI, real Redis)', () => {
  it('sets, lists and removes schedules with their time zone', async () => {
    expect(await list()).toEqual([]);
    const set = await runCli(
      [
        'schedule',
        'set',
        'close:monthly',
        '--job',
        'close-period',
        '--cron',
        '0 6 1 * *',
        '--tz',
        'Europe/Stockholm',
      ],
      env,
    );
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(
      /close:monthly {2}close-period \(period=previous\) {2}"0 6 1 \* \*" Europe\/Stockholm {2}next \S+ 06:00 Europe\/Stockholm = \S+T0[45]:00:00\.000Z/,
    );

    const [listed] = await list();
    expect(listed).toMatchObject({
      id: 'close:monthly',
      job: 'close-period',
      tz: 'Europe/Stockholm',
      payload: { period: 'previous' },
    });
    // 06:00 in Stockholm is 05:00 UTC in winter and 04:00 UTC in summer.
    const next = new Date(listed!.next);
    expect(next.getUTCDate()).toBe(1);
    expect([4, 5]).toContain(next.getUTCHours());

    expect((await runCli(['schedule', 'remove', 'close:monthly'], env)).code).toBe(0);
    expect(await list()).toEqual([]);
    const again = await runCli(['schedule', 'remove', 'close:monthly'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('There is no schedule "close:monthly"');
  });

  it('applies config/schedules.yaml and refuses a bad pattern or zone with exit status 2', async () => {
    const applied = await runCli(['schedule', 'apply'], env);
    expect(applied.code).toBe(0);
    expect((await list()).map((view) => [view.id, view.cron, view.tz])).toEqual([
      ['close-period:previous-month', '0 6 1 * *', 'Europe/Stockholm'],
      ['sync:current-period', '*/15 * * * *', 'Europe/Stockholm'],
    ]);

    const bad = await runCli(
      ['schedule', 'set', 'x', '--job', 'sync', '--cron', '0 6 1 *', '--tz', 'Europe/Stokholm'],
      env,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--cron: must be a cron pattern');
    expect(bad.stderr).toContain('--tz: must be an IANA time zone');
  });

  it('reports Redis being down in one sentence', async () => {
    const down = await runCli(['status'], { ...env, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(down.code).toBe(1);
    expect(down.stderr.trim()).toBe(
      'tally: Redis at redis://127.0.0.1:1 did not answer within 5 s: start Redis or fix REDIS_URL.',
    );
  });
});
