import type { Redis } from 'ioredis';
import { z } from 'zod';
import { TALLY_KEYS } from './names';

/** The last finished job of one customer, kept for `tally status`. */
export const LastRunSchema = z.object({
  customerId: z.number().int().positive(),
  job: z.string(),
  jobId: z.string(),
  period: z.string(),
  finishedAt: z.string(),
  outcome: z.enum(['completed', 'failed']),
  /** The failed reason (a user message), when it failed. */
  reason: z.string().nullable(),
  /** The job's summary, when it completed (lines, minutes by coverage, cursor, ...). */
  summary: z.record(z.string(), z.unknown()).nullable(),
});
export type LastRun = z.infer<typeof LastRunSchema>;

/** One hash field per customer: the newest run wins, so the hash stays as small as the customer list. */
export class LastRunStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async record(run: LastRun): Promise<void> {
    await this.redis.hset(
      TALLY_KEYS.lastRuns(this.prefix),
      String(run.customerId),
      JSON.stringify(run),
    );
  }

  /** Every customer's last run, by customer id; unreadable entries are skipped, not fatal. */
  async list(): Promise<LastRun[]> {
    const raw = await this.redis.hgetall(TALLY_KEYS.lastRuns(this.prefix));
    const runs: LastRun[] = [];
    for (const value of Object.values(raw)) {
      const parsed = LastRunSchema.safeParse(safeJson(value));
      if (parsed.success) runs.push(parsed.data);
    }
    return runs.sort((a, b) => a.customerId - b.customerId);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
