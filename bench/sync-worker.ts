/**
 * The measured process: it receives a job over IPC, syncs every period in one run (the full sync)
 * and then again (the rerun), and answers with round trips, counts and its own peak RSS. It runs
 * apart from the sandbox so the emulator's tables do not count towards the sync's memory.
 */
import { loadAgreementsConfig } from '../src/config/load-agreements';
import { favourMemoryOverSpeed } from '../src/shared/memory-mode';
import type { LocalDate, Period } from '../src/domain/types';
import { OdooClient } from '../src/odoo/client';
import { detectFieldProfile, fieldNamesVia } from '../src/odoo/profiles/detect-profile';
import type { ReadPeriodConfig } from '../src/sync/read-period';
import { syncPeriods } from '../src/sync/sync-periods';
import { NaiveClient } from './naive-sync';
import { ReadWriteTrips } from './read-write-trips';
import {
  WorkerJobSchema,
  type PassResult,
  type WorkerJob,
  type WorkerMessage,
} from './worker-protocol';

// The same V8 memory mode as the `tally` process whose sync this measures.
favourMemoryOverSpeed();

/** Bytes in a kibibyte: `maxRSS` is reported in KiB. */
const KIB = 1024;

async function runPass(
  client: OdooClient,
  job: WorkerJob,
  config: ReadPeriodConfig,
  trips: ReadWriteTrips,
): Promise<PassResult> {
  const target = job.strategy === 'naive' ? new NaiveClient(client) : client;
  const profile = await detectFieldProfile(fieldNamesVia(client));
  trips.reset();
  const started = performance.now();
  let timesheetRowsRead = 0;
  let invoiceLinesWritten = 0;
  let recordsWritten = 0;
  // Every month in one run, as `tally sync` runs several; only counts are kept: holding every
  // month's result would measure the bench, not the sync.
  const deferred = await syncPeriods(
    target,
    config,
    job.periods.map((period) => ({ period: period as Period })),
    { today: job.today as LocalDate, profile },
    (result) => {
      timesheetRowsRead += result.facts.odoo.timesheets.length;
      for (const move of result.writes.createMoves) invoiceLinesWritten += move.lines;
      for (const move of result.writes.updateMoves)
        invoiceLinesWritten += move.created + move.updated;
      recordsWritten += result.applied?.recordsWritten ?? 0;
    },
  );
  recordsWritten += deferred?.recordsWritten ?? 0;
  return {
    seconds: (performance.now() - started) / 1000,
    readTrips: trips.reads.total,
    writeTrips: trips.writes.total,
    byCall: trips.byCall(),
    timesheetRowsRead,
    invoiceLinesWritten,
    recordsWritten,
    peakRssBytes: process.resourceUsage().maxRSS * KIB,
  };
}

async function run(job: WorkerJob): Promise<WorkerMessage> {
  const loaded = loadAgreementsConfig(job.configFile);
  const config: ReadPeriodConfig = {
    settings: loaded.settings,
    sources: loaded.sources,
    currencyDecimals: loaded.config.currencyDecimals,
  };
  const trips = new ReadWriteTrips();
  const client = new OdooClient({
    connection: {
      url: job.url,
      db: job.db,
      login: job.login,
      password: job.password,
      protocol: 'jsonrpc',
      timeoutMs: 600_000,
    },
    roundTrips: trips,
  });
  await client.connect();
  try {
    const full = await runPass(client, job, config, trips);
    const rerun = await runPass(client, job, config, trips);
    return { ok: true, result: { full, rerun } };
  } finally {
    await client.close();
  }
}

function describe(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'userMessage' in error)
    return String(error.userMessage);
  return error instanceof Error ? error.message : String(error);
}

process.once('message', (raw: unknown) => {
  const parsed = WorkerJobSchema.safeParse(raw);
  const reply = parsed.success
    ? run(parsed.data).catch((error: unknown): WorkerMessage => ({
        ok: false,
        error: describe(error),
      }))
    : Promise.resolve<WorkerMessage>({
        ok: false,
        error: `the bench sent an invalid job: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      });
  void reply.then((message) => process.send?.(message, () => process.disconnect()));
});
