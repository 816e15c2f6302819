/** Turns what the workers measured into per-1,000 figures and the targets (pure). */
import type { NaiveRun, PassFigures, SizeRun, StrategyFigures, Target } from './results-schema';
import { isReadMethod } from './read-write-trips';
import type { PassResult } from './worker-protocol';

const MB = 1024 * 1024;

/** The targets of issue 7. */
export const LIMITS = {
  readTripsPer1000Lines: 3,
  writeTripsPer1000InvoiceLines: 5,
  naiveFactor: 20,
  peakRssMb: 300,
  /** The size the RSS limit is stated for. */
  peakRssAtLines: 100_000,
  rssGrowth: 1.5,
} as const;

const per1000 = (trips: number, of: number): number => (of === 0 ? 0 : (trips * 1000) / of);
const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/** Round trips of `byCall` ("model.method") that match `pick`. */
export function tripsWhere(
  byCall: Readonly<Record<string, number>>,
  pick: (model: string, method: string) => boolean,
): number {
  let total = 0;
  for (const [call, count] of Object.entries(byCall)) {
    const dot = call.lastIndexOf('.');
    if (pick(call.slice(0, dot), call.slice(dot + 1))) total += count;
  }
  return total;
}

/** Figures of one pass over a dataset of `lines` timesheet lines. */
export function passFigures(pass: PassResult, lines: number): PassFigures {
  const invoiceWrites = tripsWhere(
    pass.byCall,
    (model, method) => model.startsWith('account.move') && !isReadMethod(method),
  );
  return {
    seconds: round(pass.seconds, 1),
    linesPerSecond: round(pass.seconds === 0 ? 0 : lines / pass.seconds, 0),
    readTrips: pass.readTrips,
    writeTrips: pass.writeTrips,
    readTripsPer1000Lines: round(per1000(pass.readTrips, lines)),
    writeTripsPer1000InvoiceLines:
      pass.invoiceLinesWritten === 0
        ? null
        : round(per1000(pass.writeTrips, pass.invoiceLinesWritten)),
    tripsPer1000Lines: round(per1000(pass.readTrips + pass.writeTrips, lines)),
    invoiceWriteTripsPer1000InvoiceLines:
      pass.invoiceLinesWritten === 0
        ? null
        : round(per1000(invoiceWrites, pass.invoiceLinesWritten)),
    invoiceLinesWritten: pass.invoiceLinesWritten,
    recordsWritten: pass.recordsWritten,
    timesheetRowsRead: pass.timesheetRowsRead,
    peakRssMb: round(pass.peakRssBytes / MB, 0),
    byCall: pass.byCall,
  };
}

const status = (pass: boolean): Target['status'] => (pass ? 'PASS' : 'FAIL');
const lines = (count: number): string => `${count.toLocaleString('en-US')} lines`;
const totalTrips = (figures: StrategyFigures): number =>
  figures.full.readTrips + figures.full.writeTrips;

function sizeTargets(run: SizeRun): Target[] {
  const { full, rerun } = run.batched;
  const writes = full.writeTripsPer1000InvoiceLines;
  return [
    {
      id: `read-trips-per-1000-lines@${run.dataset.lines}`,
      description: `read round trips per 1,000 lines read (${lines(run.dataset.lines)})`,
      limit: `<= ${LIMITS.readTripsPer1000Lines}`,
      value: String(full.readTripsPer1000Lines),
      status: status(full.readTripsPer1000Lines <= LIMITS.readTripsPer1000Lines),
    },
    {
      // The rerun finds every draft in place, as each scheduled sync after the first does.
      id: `rerun-read-trips-per-1000-lines@${run.dataset.lines}`,
      description: `read round trips per 1,000 lines read, rerun (${lines(run.dataset.lines)})`,
      limit: `<= ${LIMITS.readTripsPer1000Lines}`,
      value: String(rerun.readTripsPer1000Lines),
      status: status(rerun.readTripsPer1000Lines <= LIMITS.readTripsPer1000Lines),
    },
    {
      id: `write-trips-per-1000-invoice-lines@${run.dataset.lines}`,
      description: `write round trips per 1,000 invoice lines written (${lines(run.dataset.lines)})`,
      limit: `<= ${LIMITS.writeTripsPer1000InvoiceLines}`,
      value: writes === null ? 'no invoice line written' : String(writes),
      status: status(writes !== null && writes <= LIMITS.writeTripsPer1000InvoiceLines),
    },
    {
      id: `rerun-writes@${run.dataset.lines}`,
      description: `write round trips of the rerun (${lines(run.dataset.lines)})`,
      limit: '= 0',
      value: String(run.batched.rerun.writeTrips),
      status: status(run.batched.rerun.writeTrips === 0),
    },
  ];
}

function memoryTargets(runs: readonly SizeRun[]): Target[] {
  const at = runs.find((run) => run.dataset.lines === LIMITS.peakRssAtLines) ?? runs[0];
  const first = runs[0];
  const last = runs[runs.length - 1];
  const targets: Target[] = [];
  if (at !== undefined) {
    targets.push({
      id: `peak-rss@${at.dataset.lines}`,
      description: `peak RSS of the sync process (${lines(at.dataset.lines)})`,
      limit: `< ${LIMITS.peakRssMb} MB`,
      value: `${at.batched.peakRssMb} MB`,
      status: status(at.batched.peakRssMb < LIMITS.peakRssMb),
    });
  }
  const growth =
    first !== undefined && last !== undefined && last !== first && first.batched.peakRssMb > 0
      ? round(last.batched.peakRssMb / first.batched.peakRssMb)
      : null;
  targets.push({
    id: 'rss-growth',
    description:
      growth === null || first === undefined || last === undefined
        ? 'peak RSS growth between the smallest and largest size'
        : `peak RSS growth from ${lines(first.dataset.lines)} to ${lines(last.dataset.lines)}`,
    limit: `< ${LIMITS.rssGrowth}x`,
    value: growth === null ? 'one size only: run with --lines 100000,300000' : `${growth}x`,
    status: growth === null ? 'SKIP' : status(growth < LIMITS.rssGrowth),
  });
  return targets;
}

function naiveTargets(naive: NaiveRun): Target[] {
  const batched = totalTrips(naive.batched);
  const factor = batched === 0 ? 0 : round(totalTrips(naive.naive) / batched, 1);
  return [
    {
      id: 'fewer-trips-than-naive',
      description: `round trips, naive / batched, same sync of ${lines(naive.dataset.lines)}`,
      limit: `>= ${LIMITS.naiveFactor}x`,
      value: `${factor}x`,
      status: status(factor >= LIMITS.naiveFactor),
    },
    {
      id: 'naive-same-result',
      description: 'the naive and the batched sync leave Odoo in the same state',
      limit: 'same',
      value: naive.sameResult ? 'same' : 'different',
      status: status(naive.sameResult),
    },
    {
      id: 'naive-rerun-writes',
      description: 'write round trips of the naive rerun',
      limit: '= 0',
      value: String(naive.naive.rerun.writeTrips),
      status: status(naive.naive.rerun.writeTrips === 0),
    },
  ];
}

/** Every target of the run, in the order they are printed. */
export function evaluateTargets(runs: readonly SizeRun[], naive: NaiveRun): Target[] {
  return [...runs.flatMap(sizeTargets), ...memoryTargets(runs), ...naiveTargets(naive)];
}
