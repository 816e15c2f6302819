import type { Redis } from 'ioredis';
import {
  CursorCorruptError,
  MemoryCursorStore,
  RedisCursorStore,
  type CursorStore,
} from '../../../src/sync/cursor-store';
import { connectTestRedis, deletePrefix, uniquePrefix } from '../../support/redis';

const key = { instance: 'odoo.example.com/prod', stream: 'timesheets' };

describe.each([
  ['redis', () => new RedisCursorStore(redis, prefix)],
  ['memory', () => new MemoryCursorStore()],
] as const)('%s cursor store', (_name, make: () => CursorStore) => {
  let store: CursorStore;
  beforeEach(() => {
    store = make();
  });

  it('has no cursor before the first advance', async () => {
    expect(await store.get(key)).toBeNull();
  });

  it('moves forward in (write_date, id) order and never backwards', async () => {
    await store.advance(key, { writeDate: '2026-11-01 10:00:00', id: 5 });
    await store.advance(key, { writeDate: '2026-11-01 10:00:00', id: 9 });
    expect(await store.advance(key, { writeDate: '2026-11-01 10:00:00', id: 7 })).toEqual({
      writeDate: '2026-11-01 10:00:00',
      id: 9,
    });
    expect(await store.advance(key, { writeDate: '2026-10-31 23:59:59', id: 100 })).toEqual({
      writeDate: '2026-11-01 10:00:00',
      id: 9,
    });
    await store.advance(key, { writeDate: '2026-11-01 10:00:01', id: 1 });
    expect(await store.get(key)).toEqual({ writeDate: '2026-11-01 10:00:01', id: 1 });
  });

  it('keeps streams apart and forgets one on reset', async () => {
    const other = { ...key, stream: 'tickets' };
    await store.advance(key, { writeDate: '2026-11-01 10:00:00', id: 1 });
    await store.advance(other, { writeDate: '2026-11-02 10:00:00', id: 2 });
    await store.reset(key);
    expect(await store.get(key)).toBeNull();
    expect(await store.get(other)).toEqual({ writeDate: '2026-11-02 10:00:00', id: 2 });
  });

  it('refuses a malformed cursor', async () => {
    await expect(store.advance(key, { writeDate: '2026-11-01T10:00:00Z', id: 1 })).rejects.toThrow(
      'YYYY-MM-DD HH:MM:SS',
    );
  });
});

let redis: Redis;
let prefix: string;
beforeAll(() => {
  redis = connectTestRedis();
  prefix = uniquePrefix('cursor');
});
afterEach(async () => {
  await deletePrefix(redis, prefix);
});
afterAll(async () => {
  await redis.quit();
});

it('reports a corrupt stored cursor by stream, telling the user how to recover', async () => {
  const store = new RedisCursorStore(redis, prefix);
  await redis.set(`${prefix}:cursor:${key.instance}:${key.stream}`, 'not json');
  const failure = store.get(key);
  await expect(failure).rejects.toBeInstanceOf(CursorCorruptError);
  await expect(store.get(key)).rejects.toThrow('--full');
});
