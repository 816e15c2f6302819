/**
 * Issue 15, "The worker and Redis": an inline `tally sync` keeps its cursor in the workers' key
 * space (TALLY_QUEUE_PREFIX), and a Redis that does not answer is one clean sentence.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { odooEnvFor, runCli } from '../support/cli';
import { connectTestRedis, deletePrefix, uniquePrefix } from '../support/redis';
import { useSandbox } from '../support/start-sandbox';
import { installTallyFields } from '../support/tally-fields';

describe('inline tally sync and Redis', () => {
  const sandbox = useSandbox({ seed: 'demo' });
  const redis = connectTestRedis();
  const prefix = `{${uniquePrefix('inline-cursor')}}`;
  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  });

  it('keeps the cursor under TALLY_QUEUE_PREFIX, where the workers keep theirs', async () => {
    installTallyFields(sandbox());
    const result = await runCli(['sync'], {
      ...odooEnvFor(sandbox()),
      TALLY_QUEUE_PREFIX: prefix,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [, keys] = await redis.scan('0', 'MATCH', `${prefix}:cursor:*`, 'COUNT', 1000);
    expect(keys.length).toBeGreaterThan(0);
  });

  it('says in one sentence that Redis does not answer, without ioredis stacks', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await runCli(['sync'], {
      ...odooEnvFor(sandbox()),
      REDIS_URL: `redis://127.0.0.1:${port}`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `tally: Redis at redis://127.0.0.1:${port} did not answer within 5 s: start Redis or fix REDIS_URL.`,
    );
  });
});
