import type { Redis } from 'ioredis';
import { z } from 'zod';
import { TallyError } from '../shared/errors';

/**
 * A stream's bookmark: the `(write_date, id)` of the last record whose writes are durable.
 * `write_date` is Odoo's UTC `YYYY-MM-DD HH:MM:SS`, so string order is time order.
 */
export const CursorSchema = z.object({
  writeDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'must be YYYY-MM-DD HH:MM:SS (UTC)'),
  id: z.number().int().nonnegative(),
});
export type Cursor = z.infer<typeof CursorSchema>;

/** Identifies one incremental stream of one Odoo database. */
export interface StreamKey {
  /** A stable name for the Odoo database (URL + db), never containing credentials. */
  readonly instance: string;
  readonly stream: string;
}

/** Where bookmarks live between runs. Implementations only ever move a bookmark forward. */
export interface CursorStore {
  get(key: StreamKey): Promise<Cursor | null>;
  /** Advances the bookmark; a cursor older than the stored one is ignored. Returns the stored cursor. */
  advance(key: StreamKey, cursor: Cursor): Promise<Cursor>;
  /** Forgets a bookmark (a full re-read). */
  reset(key: StreamKey): Promise<void>;
}

export class CursorCorruptError extends TallyError {
  readonly code = 'CURSOR_CORRUPT';
}

/** Compares two cursors in `(write_date, id)` order. */
export function compareCursors(a: Cursor, b: Cursor): number {
  if (a.writeDate !== b.writeDate) return a.writeDate < b.writeDate ? -1 : 1;
  return a.id - b.id;
}

function parseStored(key: StreamKey, raw: string): Cursor {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = undefined;
  }
  const parsed = CursorSchema.safeParse(json);
  if (!parsed.success) {
    throw new CursorCorruptError(
      `The stored cursor of stream "${key.stream}" is not valid; reset it with a full sync (--full).`,
      { details: { stream: key.stream, instance: key.instance } },
    );
  }
  return parsed.data;
}

// Compare-and-set in one round trip, so two workers finishing out of order never move a bookmark
// backwards. Cursors are compared as (writeDate, id); writeDate strings sort as times.
const ADVANCE_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current then
  local cur = cjson.decode(current)
  local new = cjson.decode(ARGV[1])
  if cur.writeDate > new.writeDate or (cur.writeDate == new.writeDate and cur.id >= new.id) then
    return current
  end
end
redis.call('SET', KEYS[1], ARGV[1])
return ARGV[1]
`;

export class RedisCursorStore implements CursorStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'tally',
  ) {}

  private redisKey(key: StreamKey): string {
    return `${this.prefix}:cursor:${key.instance}:${key.stream}`;
  }

  async get(key: StreamKey): Promise<Cursor | null> {
    const raw = await this.redis.get(this.redisKey(key));
    return raw === null ? null : parseStored(key, raw);
  }

  async advance(key: StreamKey, cursor: Cursor): Promise<Cursor> {
    const valid = CursorSchema.parse(cursor);
    const stored = await this.redis.eval(
      ADVANCE_SCRIPT,
      1,
      this.redisKey(key),
      JSON.stringify(valid),
    );
    return parseStored(key, String(stored));
  }

  async reset(key: StreamKey): Promise<void> {
    await this.redis.del(this.redisKey(key));
  }
}

/** An in-process store for inline runs without Redis (the demo) and for tests. */
export class MemoryCursorStore implements CursorStore {
  private readonly cursors = new Map<string, Cursor>();

  private static id(key: StreamKey): string {
    return `${key.instance}:${key.stream}`;
  }

  async get(key: StreamKey): Promise<Cursor | null> {
    return this.cursors.get(MemoryCursorStore.id(key)) ?? null;
  }

  async advance(key: StreamKey, cursor: Cursor): Promise<Cursor> {
    const valid = CursorSchema.parse(cursor);
    const current = this.cursors.get(MemoryCursorStore.id(key));
    if (current !== undefined && compareCursors(current, valid) >= 0) return current;
    this.cursors.set(MemoryCursorStore.id(key), valid);
    return valid;
  }

  async reset(key: StreamKey): Promise<void> {
    this.cursors.delete(MemoryCursorStore.id(key));
  }
}
