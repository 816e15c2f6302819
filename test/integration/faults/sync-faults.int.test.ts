/**
 * A sync against a flaky Odoo: random 5xx answers, dropped connections, timeouts and serialization
 * failures. Retried the way the queue retries a job, every run ends in the state of a clean run;
 * wrong credentials stop at once, without a retry storm.
 */
import { z } from 'zod';
import type { LocalDate, Period } from '../../../src/domain/types';
import { OdooClient } from '../../../src/odoo/client';
import type { FetchLike } from '../../../src/odoo/transports/http-exchange';
import { isOdooError } from '../../../src/odoo/errors';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { isTallyError } from '../../../src/shared/errors';
import { syncPeriod } from '../../../src/sync/sync-period';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { SCENARIO_NOW, shippedConfig } from '../sync/connect';
import { writeScenario } from '../write/write-scenario';

const JANUARY = '2026-01' as Period;
const TODAY = '2026-02-03' as LocalDate;
const NO_WAIT = { sleep: async () => undefined, random: () => 0.5 };
/** What the queue does with a failed job: retry only what says it is retryable. */
const isRetryableError = (error: unknown) => isTallyError(error) && error.retryable;

async function freshSandbox(): Promise<Sandbox> {
  const sandbox = await startSandbox({ port: 0, seed: writeScenario(), clock: SCENARIO_NOW });
  installTallyFields(sandbox);
  return sandbox;
}

/** Round trips that failed, across all clients of a test. */
let failedTrips = 0;

function clientOf(
  sandbox: Sandbox,
  credentials: { apiKey?: string; password?: string } = {},
  fetchImpl?: FetchLike,
) {
  return new OdooClient({
    roundTrips: {
      onCall: (trip) => {
        if (!trip.ok) failedTrips += 1;
      },
    },
    connection: {
      url: sandbox.url,
      db: sandbox.db,
      login: sandbox.login,
      ...(credentials.apiKey === undefined && credentials.password === undefined
        ? { apiKey: sandbox.apiKey }
        : credentials),
    },
    retryEffects: NO_WAIT,
    ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
  });
}

const ExecuteKwBodySchema = z.object({
  params: z.object({
    service: z.literal('object'),
    method: z.literal('execute_kw'),
    args: z
      .tuple([z.unknown(), z.unknown(), z.unknown(), z.string(), z.string()])
      .rest(z.unknown()),
  }),
});

/** The nth call of `model.method` from now on loses its answer; `afterCommit` runs it first. */
interface LostAnswer {
  readonly nth: number;
  readonly model: string;
  readonly method: string;
  readonly afterCommit: boolean;
}

/**
 * A fetch that loses the answers of chosen JSON-RPC calls (the protocol the client picks on this
 * Odoo 17) as a timeout does: the client gets the TimeoutError of its own abort signal. With the
 * sandbox's `timeout` fault the client finds the hang by its clock, and on a busy machine a short
 * clock also runs out on calls that were only slow: which calls fail would depend on the machine.
 * Here it is the call's number alone.
 */
function losingAnswers(lost: readonly LostAnswer[]): FetchLike {
  const seen = new Map<LostAnswer, number>();
  return async (input, init) => {
    const call = ExecuteKwBodySchema.safeParse(JSON.parse(String(init.body ?? '{}')));
    const [, , , model, method] = call.success ? call.data.params.args : [];
    let losing: LostAnswer | undefined;
    for (const fault of lost) {
      if (model !== fault.model || method !== fault.method) continue;
      seen.set(fault, (seen.get(fault) ?? 0) + 1);
      if (seen.get(fault) === fault.nth) {
        losing = fault;
        break;
      }
    }
    if (losing === undefined) return fetch(input, init);
    if (losing.afterCommit) await (await fetch(input, init)).text();
    throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
  };
}

/** Runs the sync like a queued job: retryable failures are retried, up to `attempts` times. */
async function syncLikeAJob(
  sandbox: Sandbox,
  attempts = 12,
  fetchImpl?: FetchLike,
): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    const client = clientOf(sandbox, {}, fetchImpl);
    try {
      await client.connect();
      await syncPeriod(client, shippedConfig(), { period: JANUARY, today: TODAY });
      return attempt;
    } catch (error) {
      if (!isRetryableError(error) || attempt >= attempts) throw error;
    } finally {
      await client.close();
    }
  }
}

describe('sync against a flaky Odoo', () => {
  let reference: ReturnType<typeof tallyState>;

  beforeAll(async () => {
    const sandbox = await freshSandbox();
    try {
      await syncLikeAJob(sandbox, 1);
      reference = tallyState(sandbox);
    } finally {
      await sandbox.close();
    }
  });

  it.each([1, 2, 3, 4])(
    'seed %i: 5 %% random 5xx, resets and serialization failures end in the clean state',
    async (seed) => {
      const sandbox = await freshSandbox();
      try {
        sandbox.faults.setRandomFailures(0.05, {
          seed,
          kinds: ['http-502', 'http-503', 'reset', 'serialization'],
        });
        failedTrips = 0;
        await syncLikeAJob(sandbox);
        sandbox.faults.reset();
        expect(failedTrips).toBeGreaterThan(0);
        expect(tallyState(sandbox)).toEqual(reference);
        sandbox.stats.reset();
        await syncLikeAJob(sandbox, 1);
        expect(sandbox.stats.writes).toBe(0);
      } finally {
        await sandbox.close();
      }
    },
  );

  it('timeouts on writes whose answer is lost end in the clean state', async () => {
    const sandbox = await freshSandbox();
    try {
      const lost = losingAnswers([
        { nth: 1, model: 'account.move', method: 'create', afterCommit: true },
        { nth: 1, model: 'account.analytic.line', method: 'write', afterCommit: false },
      ]);
      failedTrips = 0;
      await syncLikeAJob(sandbox, 12, lost);
      expect(failedTrips).toBe(2);
      expect(tallyState(sandbox)).toEqual(reference);
    } finally {
      await sandbox.close();
    }
  });

  it('web sessions expiring throughout the run change nothing: Tally uses no session', async () => {
    const sandbox = await freshSandbox();
    // The stateless routes (odoo-rpc.md §2.4): expiring every web session after each call of the
    // run must leave it exactly as a clean run, over both transports of this Odoo 17.
    try {
      for (const protocol of ['jsonrpc', 'xmlrpc'] as const) {
        const client = new OdooClient({
          roundTrips: { onCall: () => sandbox.faults.expireSessions() },
          connection: {
            url: sandbox.url,
            db: sandbox.db,
            login: sandbox.login,
            password: sandbox.password,
            protocol,
          },
        });
        await client.connect();
        await syncPeriod(client, shippedConfig(), { period: JANUARY, today: TODAY });
        await client.close();
        expect(tallyState(sandbox)).toEqual(reference);
      }
    } finally {
      await sandbox.close();
    }
  });

  it('wrong credentials stop at once with one clear message and no retry storm', async () => {
    const sandbox = await freshSandbox();
    try {
      sandbox.stats.reset();
      const client = clientOf(sandbox, { apiKey: 'not-the-key' });
      const error = await client.connect().then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(isOdooError(error) && error.code).toBe('ODOO_AUTH_FAILED');
      expect(isRetryableError(error)).toBe(false);
      expect(sandbox.stats.total).toBeLessThanOrEqual(2);
      expect(String((error as Error).message)).not.toContain('not-the-key');
      await client.close();
    } finally {
      await sandbox.close();
    }
  });
});
