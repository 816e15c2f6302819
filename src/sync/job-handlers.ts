/**
 * The sync pipeline as the queue's jobs call it (src/queue/job-handlers.ts declares the same
 * shapes; src/sync may not import src/queue, so they are matched structurally where the worker
 * builds them). One Odoo client per worker, connected on the first call so a worker starts and
 * serves its dashboard while Odoo is down.
 */
import type { Redis } from 'ioredis';
import type { Connection } from '../config/connection.schema';
import type { LoadedAgreements } from '../config/load-agreements';
import { localDateOfInstant, periodOfInstant, previousPeriod } from '../domain/periods';
import type { Period } from '../domain/types';
import { period as toPeriod } from '../domain/types';
import { OdooClient } from '../odoo/client';
import type { RoundTrip } from '../odoo/round-trips';
import { runSetup } from '../setup/run-setup';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import { closeCustomerPeriod } from './close-period';
import { RedisCursorStore } from './cursor-store';
import { detectFieldProfile, fieldNamesVia } from '../odoo/profiles/detect-profile';
import { TallyFieldsMissingError } from './errors';
import { readCompany } from './read/read-company';
import { readPeriod, readPeriodConfigOf, type ReadPeriodConfig } from './read-period';
import { syncChanges } from './sync-changes';
import type { PeriodSyncResult } from './sync-period';

export interface TallyHandlerDeps {
  readonly connection: Connection;
  readonly agreements: LoadedAgreements;
  readonly redis: Redis;
  /** Queue prefix (with its Redis Cluster hash tag): cursors share its slot. */
  readonly keyPrefix: string;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly odooCalls: {
    acquire(): Promise<void>;
    onCall(trip: RoundTrip): void;
  };
}

interface JobContextLike {
  readonly signal: AbortSignal;
  reportProgress(done: number, total: number): Promise<void>;
}

const MINUTES_KEYS = ['covered', 'billable', 'review'] as const;
/** How long the company's time zone and the field profile are reused between jobs. */
const METADATA_TTL_MS = 10 * 60 * 1000;

/** Line changes and minutes by coverage of one customer's period sync. */
function customerFigures(results: readonly PeriodSyncResult[], customerId: number) {
  const lines = { created: 0, updated: 0, removed: 0 };
  const minutesByCoverage = { covered: 0, billable: 0, review: 0 };
  let problems = 0;
  for (const result of results) {
    for (const create of result.writes.createMoves)
      if (create.customerId === customerId) lines.created += create.lines;
    for (const update of result.writes.updateMoves) {
      if (update.customerId !== customerId) continue;
      lines.created += update.created;
      lines.updated += update.updated;
      lines.removed += update.removed;
    }
    for (const { customer, plan } of result.plans) {
      if (Number(customer.id) !== customerId) continue;
      problems += plan.reviewItems.length;
      for (const decision of plan.decisions)
        if (MINUTES_KEYS.includes(decision.coverage))
          minutesByCoverage[decision.coverage] += Math.max(0, decision.minutes);
    }
  }
  return { lines, minutesByCoverage, problems };
}

/** A value loaded on first use and kept `ttlMs`, or until forgotten. */
function keptFor<T>(ttlMs: number, clock: Clock, load: () => Promise<T>) {
  let kept: { value: T; at: number } | null = null;
  return {
    async get(): Promise<T> {
      const at = clock.now().getTime();
      if (kept === null || at - kept.at > ttlMs) kept = { value: await load(), at };
      return kept.value;
    },
    forget(): void {
      kept = null;
    },
  };
}

/**
 * The Odoo client the handlers share, connected on first use. Every child job needs the company
 * (and its zone) and the field profile; reading them once per job would be ten round trips per
 * customer, so they are kept a few minutes (a change is seen soon, and a profile that lacked
 * Tally's fields is dropped at once so a fresh setup counts).
 */
function sharedOdoo(deps: TallyHandlerDeps, config: ReadPeriodConfig) {
  const client = new OdooClient({
    connection: deps.connection.odoo,
    logger: deps.logger,
    roundTrips: deps.odooCalls,
    beforeCall: () => deps.odooCalls.acquire(),
  });
  let connected: Promise<unknown> | null = null;
  const ready = async () => {
    connected ??= client.connect().catch((error: unknown) => {
      connected = null;
      throw error;
    });
    await connected;
    return client;
  };
  const company = keptFor(METADATA_TTL_MS, deps.clock, async () =>
    readCompany(await ready(), config.timeZone),
  );
  const profile = keptFor(METADATA_TTL_MS, deps.clock, async () =>
    detectFieldProfile(fieldNamesVia(await ready())),
  );
  const forgettingStaleProfile = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof TallyFieldsMissingError) profile.forget();
      throw error;
    }
  };
  const timeZone = async () => (await company.get()).timeZone;
  return { client, ready, company, profile, timeZone, forgettingStaleProfile };
}

/** `tally setup`'s checks without writing, on a client of their own. */
async function checkSetup(deps: TallyHandlerDeps): Promise<{ ready: boolean; failing: string[] }> {
  const checker = new OdooClient({
    connection: deps.connection.odoo,
    logger: deps.logger,
    roundTrips: deps.odooCalls,
    beforeCall: () => deps.odooCalls.acquire(),
  });
  try {
    const report = await runSetup(checker, {
      config: deps.agreements.config,
      options: { createProducts: false, dryRun: true },
    });
    return {
      ready: report.ready,
      failing: report.checks
        .filter((check) => check.status === 'fail')
        .map((check) => `${check.message} ${check.fix ?? ''}`.trim()),
    };
  } finally {
    await checker.close();
  }
}

type OdooSession = ReturnType<typeof sharedOdoo>;

/** A `close-period-customer` job: the final sync, the invoice date and finance's activity. */
async function closeCustomerJob(
  session: OdooSession,
  config: ReadPeriodConfig,
  now: string,
  input: { period: string; customerId: number },
  context: JobContextLike,
) {
  const odoo = await session.ready();
  const today = localDateOfInstant(now, await session.timeZone());
  if (today === null) throw new RangeError('the company time zone is not valid');
  const known = await session.profile.get();
  const companyNow = await session.company.get();
  const result = await session.forgettingStaleProfile(() =>
    closeCustomerPeriod(odoo, config, {
      period: toPeriod(input.period),
      customerId: input.customerId,
      today,
      signal: context.signal,
      profile: known,
      company: companyNow,
    }),
  );
  await context.reportProgress(1, 1);
  const figures = customerFigures([result.sync], input.customerId);
  return {
    customerId: input.customerId,
    period: input.period,
    lines: figures.lines,
    invoiceId: result.invoiceId,
    reviewActivities: result.reviewActivities,
    problems: figures.problems,
  };
}

export function createTallyHandlers(deps: TallyHandlerDeps) {
  const config: ReadPeriodConfig = readPeriodConfigOf(deps.agreements);
  const session = sharedOdoo(deps, config);
  const { client, ready, company, profile, timeZone, forgettingStaleProfile } = session;
  const cursors = {
    store: new RedisCursorStore(deps.redis, deps.keyPrefix),
    instance: `${deps.connection.odoo.url}/${deps.connection.odoo.db}`,
  };
  const now = () => deps.clock.now().toISOString();

  return {
    async resolvePeriod(input: {
      relative: 'current' | 'previous';
      asOf: string;
    }): Promise<Period> {
      const current = periodOfInstant(input.asOf, await timeZone());
      if (current === null) throw new RangeError(`not an instant: ${input.asOf}`);
      return input.relative === 'current' ? current : previousPeriod(current);
    },

    async listCustomers(period: string): Promise<readonly number[]> {
      const facts = await readPeriod(await ready(), config, {
        period: toPeriod(period),
        profile: await profile.get(),
        company: await company.get(),
      });
      return facts.customers.map((customer) => Number(customer.id));
    },

    async syncCustomer(
      input: { period: string; customerId: number; full: boolean },
      context: JobContextLike,
    ) {
      const odoo = await ready();
      const zone = await timeZone();
      const current = periodOfInstant(now(), zone);
      const incremental = current === input.period;
      const known = await profile.get();
      const companyNow = await company.get();
      const run = await forgettingStaleProfile(() =>
        syncChanges(
          odoo,
          config,
          { store: cursors.store, instance: `${cursors.instance}/customer/${input.customerId}` },
          {
            now: now(),
            customerId: input.customerId,
            full: input.full,
            signal: context.signal,
            profile: known,
            company: companyNow,
            ...(incremental ? {} : { period: toPeriod(input.period) }),
          },
        ),
      );
      await context.reportProgress(1, 1);
      return {
        customerId: input.customerId,
        period: input.period,
        ...customerFigures(run.periods, input.customerId),
        cursor: run.cursor,
      };
    },

    closePeriod: (input: { period: string; customerId: number }, context: JobContextLike) =>
      closeCustomerJob(session, config, now(), input, context),

    setupCheck: () => checkSetup(deps),

    async close(): Promise<void> {
      await client.close();
    },
  };
}
