/**
 * Retry rules as data (style.md rule 4). Every RPC is a POST, so safety is decided per call: reads
 * are retried, writes only when the caller marks them idempotent (keyed writes). Only errors whose
 * `retryable` flag is set are retried, so bad credentials never are (Odoo's login cooldown).
 */
import { isTallyError } from '../shared/errors';
import { OdooTransportError } from './errors';

export interface RetryPolicy {
  /** Total attempts including the first. Default 4. */
  readonly maxAttempts: number;
  /** Backoff before the first retry, doubled per attempt. Default 250 ms. */
  readonly baseDelayMs: number;
  /** Cap on one backoff. Default 8000 ms. */
  readonly maxDelayMs: number;
  /** A `Retry-After` longer than this ends the retries instead of waiting. Default 60000 ms. */
  readonly maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
};

/** Injectable effects so tests run without real waiting or randomness. */
export interface RetryEffects {
  readonly sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1). */
  readonly random: () => number;
}

export const realRetryEffects: RetryEffects = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export interface RetryDecision {
  readonly retry: boolean;
  readonly delayMs: number;
}

/**
 * Whether to try again after `error` on attempt number `attempt` (1-based), and how long to wait:
 * "full jitter" backoff (random in [0, min(max, base * 2^(attempt-1))]), or the server's
 * `Retry-After` when it sent one.
 */
export function decideRetry(
  policy: RetryPolicy,
  error: unknown,
  attempt: number,
  idempotent: boolean,
  random: () => number,
): RetryDecision {
  const stop = { retry: false, delayMs: 0 };
  if (!idempotent || attempt >= policy.maxAttempts) return stop;
  if (!isTallyError(error) || !error.retryable) return stop;
  if (error instanceof OdooTransportError && error.retryAfterMs !== undefined) {
    if (error.retryAfterMs > policy.maxRetryAfterMs) return stop;
    return { retry: true, delayMs: error.retryAfterMs };
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return { retry: true, delayMs: Math.floor(random() * ceiling) };
}

export interface RetryObserver {
  /** Called before each wait; for logs and metrics. */
  readonly onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

/** Runs `operation`, retrying per the policy. */
export async function withRetry<T>(
  operation: () => Promise<T>,
  options: {
    readonly policy: RetryPolicy;
    readonly effects: RetryEffects;
    readonly idempotent: boolean;
  } & RetryObserver,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      const decision = decideRetry(
        options.policy,
        error,
        attempt,
        options.idempotent,
        options.effects.random,
      );
      if (!decision.retry) throw error;
      options.onRetry?.({ attempt, delayMs: decision.delayMs, error });
      await options.effects.sleep(decision.delayMs);
    }
  }
}
