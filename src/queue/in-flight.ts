import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// BullMQ refuses `deduplication` on a job with a parent, so flow children claim their dedup id
// here. A claim holds `<jobId>|<claimedAtMs>` and is free again once that job finished (its hash
// has `finishedOn`, set only when no retry is left) or was removed (trimmed, or deleted from the
// dashboard). A claim whose job never appeared (the flow add failed) frees itself after a grace
// period; the grace also covers the moment between this claim and the flow add.
// Job keys are built inside the script as BullMQ's own scripts do; the prefix's hash tag keeps
// them in the claim keys' Cluster slot.
const CLAIM_SCRIPT = `
local now = tonumber(ARGV[1])
local grace = tonumber(ARGV[2])
local jobKeyPrefix = ARGV[3]
local accepted = {}
for i, key in ipairs(KEYS) do
  local free = true
  local current = redis.call('GET', key)
  if current then
    local sep = string.find(current, '|', 1, true)
    local jobKey = jobKeyPrefix .. string.sub(current, 1, sep - 1)
    if redis.call('EXISTS', jobKey) == 1 then
      free = redis.call('HEXISTS', jobKey, 'finishedOn') == 1
    else
      free = now - tonumber(string.sub(current, sep + 1)) > grace
    end
  end
  if free then
    redis.call('SET', key, ARGV[3 + i] .. '|' .. ARGV[1])
    table.insert(accepted, i)
  end
end
return accepted`;

/** How long a claim without its job stays taken (the flow is added right after claiming). */
export const CLAIM_GRACE_MS = 60_000;

export interface Claimed<T> {
  readonly item: T;
  /** The job id to give the job, so the claim can follow it. */
  readonly jobId: string;
}

/** Claims dedup ids of jobs about to be added to `queue`; returns the items whose id was free. */
export async function claimInFlight<T>(
  redis: Redis,
  prefix: string,
  queue: string,
  items: readonly { item: T; dedupId: string }[],
): Promise<Claimed<T>[]> {
  if (items.length === 0) return [];
  const claims = items.map(({ item, dedupId }) => ({ item, dedupId, jobId: randomUUID() }));
  const accepted = (await redis.eval(
    CLAIM_SCRIPT,
    items.length,
    ...claims.map(({ dedupId }) => `${prefix}:in-flight:${dedupId}`),
    String(Date.now()),
    String(CLAIM_GRACE_MS),
    `${prefix}:${queue}:`,
    ...claims.map(({ jobId }) => jobId),
  )) as number[];
  // Lua arrays count from 1.
  return claims.filter((_, index) => accepted.includes(index + 1));
}
