/**
 * Issue 13, item 7: an inline `tally sync` or `close-period` never writes while another run holds
 * its customers. It waits (saying so), gives up in one sentence after TALLY_INLINE_LOCK_WAIT_MS,
 * and without Redis still runs a `--period`, warning that it holds no lock.
 */
import { randomUUID } from 'node:crypto';
import { lockScopeOf } from '../../src/queue/customer-lock';
import { TALLY_KEYS } from '../../src/queue/names';
import { odooEnvFor, runCli } from '../support/cli';
import { connectTestRedis, deletePrefix } from '../support/redis';
import { useSandbox } from '../support/start-sandbox';

describe('inline runs and the customer locks', () => {
  const sandbox = useSandbox({ seed: 'demo' });
  const redis = connectTestRedis();
  const prefix = `{test-inline-lock-${randomUUID()}}`;
  const env = (extra: NodeJS.ProcessEnv = {}) => ({
    ...odooEnvFor(sandbox()),
    TALLY_QUEUE_PREFIX: prefix,
    ...extra,
  });
  const allCustomersKey = () =>
    TALLY_KEYS.allCustomersLock(prefix, lockScopeOf({ url: sandbox().url, db: sandbox().db }));

  beforeAll(async () => {
    expect((await runCli(['setup'], env())).code).toBe(0);
  });
  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('waits for another run over every customer, then gives up in one sentence, writing nothing', async () => {
    await redis.set(allCustomersKey(), 'another-run', 'PX', 60_000);
    const writes = sandbox().stats.writes;
    const result = await runCli(
      ['sync', '--period', '2026-01'],
      env({ TALLY_INLINE_LOCK_WAIT_MS: '300' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Waiting before writing: another tally sync or close-period over every customer is running',
    );
    expect(result.stderr).toContain(
      'Gave up after waiting 0 s: another tally sync or close-period over every customer is running.',
    );
    expect(sandbox().stats.writes).toBe(writes);
    await redis.del(allCustomersKey());
  });

  it('writes once the database is free, and leaves no lock behind', async () => {
    const result = await runCli(['sync', '--period', '2026-01'], env());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(sandbox().stats.writes).toBeGreaterThan(0);
    expect(await redis.exists(allCustomersKey())).toBe(0);
  });

  it('a dry run neither waits nor locks', async () => {
    await redis.set(allCustomersKey(), 'another-run', 'PX', 60_000);
    const result = await runCli(
      ['sync', '--period', '2026-01', '--dry-run'],
      env({ TALLY_INLINE_LOCK_WAIT_MS: '0' }),
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    await redis.del(allCustomersKey());
  });

  it('without Redis, a --period run still runs and warns that it holds no lock', async () => {
    const result = await runCli(
      ['close-period', '--period', '2026-01'],
      env({ REDIS_URL: 'redis://127.0.0.1:1' }),
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'This run takes no lock: make sure no worker or other tally sync writes to this database meanwhile.',
    );
  });
});
