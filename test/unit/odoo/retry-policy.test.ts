import {
  OdooAuthError,
  OdooConcurrentUpdateError,
  OdooTransportError,
  OdooValidationError,
} from '../../../src/odoo/errors';
import { DEFAULT_RETRY_POLICY, decideRetry, withRetry } from '../../../src/odoo/retry-policy';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 350, maxRetryAfterMs: 5000 };
const transient = new OdooTransportError('502', { retryable: true });

describe('decideRetry', () => {
  const rows: readonly [string, unknown, number, boolean, boolean][] = [
    ['transient read', transient, 1, true, true],
    ['transient write not marked idempotent', transient, 1, false, false],
    ['concurrent update on a read', new OdooConcurrentUpdateError('x'), 2, true, true],
    ['auth failure on a read', new OdooAuthError('x'), 1, true, false],
    ['validation error', new OdooValidationError('x'), 1, true, false],
    ['plain Error', new Error('boom'), 1, true, false],
    ['last attempt used', transient, 4, true, false],
  ];
  it.each(rows)('%s', (_case, error, attempt, idempotent, expected) => {
    expect(decideRetry(policy, error, attempt, idempotent, () => 0.5).retry).toBe(expected);
  });

  it('uses full jitter below an exponential, capped ceiling', () => {
    const delays = [1, 2, 3].map(
      (attempt) => decideRetry(policy, transient, attempt, true, () => 0.999).delayMs,
    );
    expect(delays).toEqual([99, 199, 349]);
    expect(decideRetry(policy, transient, 3, true, () => 0).delayMs).toBe(0);
  });

  it('honours Retry-After, and gives up when it is longer than allowed', () => {
    const later = new OdooTransportError('429', { retryable: true, retryAfterMs: 3000 });
    expect(decideRetry(policy, later, 1, true, () => 0.5)).toEqual({ retry: true, delayMs: 3000 });
    const tooLate = new OdooTransportError('429', { retryable: true, retryAfterMs: 60_000 });
    expect(decideRetry(policy, tooLate, 1, true, () => 0.5).retry).toBe(false);
  });

  it('has documented defaults', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({
      maxAttempts: 4,
      baseDelayMs: 250,
      maxDelayMs: 8000,
      maxRetryAfterMs: 60_000,
    });
  });
});

describe('withRetry', () => {
  it('succeeds on the third attempt after two transient failures, sleeping in between', async () => {
    const slept: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw transient;
        return 'ok';
      },
      {
        policy,
        idempotent: true,
        effects: { sleep: async (ms) => void slept.push(ms), random: () => 0.5 },
      },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(slept).toEqual([50, 100]);
  });

  it('rethrows the last error once attempts run out', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw transient;
        },
        { policy, idempotent: true, effects: { sleep: async () => undefined, random: () => 0 } },
      ),
    ).rejects.toBe(transient);
    expect(calls).toBe(4);
  });
});
