import { evaluateTargets, passFigures } from '../../../bench/figures';
import type { NaiveRun, SizeRun, StrategyFigures, Target } from '../../../bench/results-schema';
import type { PassResult } from '../../../bench/worker-protocol';

const MB = 1024 * 1024;

function pass(overrides: Partial<PassResult> = {}): PassResult {
  return {
    seconds: 10,
    readTrips: 250,
    writeTrips: 200,
    byCall: { 'account.move.create': 50, 'account.analytic.line.write': 150 },
    timesheetRowsRead: 100_000,
    invoiceLinesWritten: 50_000,
    recordsWritten: 100_000,
    peakRssBytes: 200 * MB,
    ...overrides,
  };
}

function strategy(lines: number, full: PassResult, rerun: PassResult): StrategyFigures {
  const rerunFigures = passFigures(rerun, lines);
  return {
    full: passFigures(full, lines),
    rerun: rerunFigures,
    peakRssMb: rerunFigures.peakRssMb,
    stateDigest: 'same',
    invoiceLinesInOdoo: full.invoiceLinesWritten,
  };
}

const quiet = pass({ writeTrips: 0, invoiceLinesWritten: 0, byCall: {} });

function sizeRun(lines: number, rssMb: number): SizeRun {
  return {
    dataset: { lines, customers: 400, tickets: lines / 4, periods: ['2024-01'] },
    batched: strategy(lines, pass(), { ...quiet, peakRssBytes: rssMb * MB }),
  };
}

const naiveRun: NaiveRun = {
  dataset: { lines: 3000, customers: 400, tickets: 750, periods: ['2024-01'] },
  batched: strategy(3000, pass({ readTrips: 40, writeTrips: 60 }), quiet),
  naive: strategy(3000, pass({ readTrips: 9000, writeTrips: 9000 }), quiet),
  sameResult: true,
};

const byId = (targets: readonly Target[]) =>
  Object.fromEntries(targets.map((target) => [target.id, [target.status, target.value]]));

describe('bench figures', () => {
  it('states trips per 1,000 lines read and per 1,000 invoice lines written', () => {
    const figures = passFigures(pass(), 100_000);
    expect(figures).toMatchObject({
      linesPerSecond: 10_000,
      readTripsPer1000Lines: 2.5,
      writeTripsPer1000InvoiceLines: 4,
      invoiceWriteTripsPer1000InvoiceLines: 1,
      tripsPer1000Lines: 4.5,
      peakRssMb: 200,
    });
    expect(passFigures(quiet, 100_000).writeTripsPer1000InvoiceLines).toBeNull();
  });

  it('judges each size, memory at 100,000 lines and its growth, and the naive baseline', () => {
    const targets = evaluateTargets([sizeRun(100_000, 250), sizeRun(300_000, 400)], naiveRun);
    expect(byId(targets)).toEqual({
      'read-trips-per-1000-lines@100000': ['PASS', '2.5'],
      'rerun-read-trips-per-1000-lines@100000': ['PASS', '2.5'],
      'write-trips-per-1000-invoice-lines@100000': ['PASS', '4'],
      'rerun-writes@100000': ['PASS', '0'],
      'read-trips-per-1000-lines@300000': ['PASS', '0.83'],
      'rerun-read-trips-per-1000-lines@300000': ['PASS', '0.83'],
      'write-trips-per-1000-invoice-lines@300000': ['PASS', '4'],
      'rerun-writes@300000': ['PASS', '0'],
      'peak-rss@100000': ['PASS', '250 MB'],
      'rss-growth': ['FAIL', '1.6x'],
      'fewer-trips-than-naive': ['PASS', '180x'],
      'naive-same-result': ['PASS', 'same'],
      'naive-rerun-writes': ['PASS', '0'],
    });
  });

  it('skips the growth target when only one size ran, and fails a rerun that writes or reads too much', () => {
    const writingRerun: SizeRun = {
      ...sizeRun(100_000, 320),
      batched: strategy(
        100_000,
        pass(),
        pass({ readTrips: 400, writeTrips: 3, invoiceLinesWritten: 0, peakRssBytes: 320 * MB }),
      ),
    };
    const targets = byId(evaluateTargets([writingRerun], { ...naiveRun, sameResult: false }));
    expect(targets['rss-growth']).toEqual([
      'SKIP',
      'one size only: run with --lines 100000,300000',
    ]);
    expect(targets['rerun-writes@100000']).toEqual(['FAIL', '3']);
    expect(targets['rerun-read-trips-per-1000-lines@100000']).toEqual(['FAIL', '4']);
    expect(targets['peak-rss@100000']).toEqual(['FAIL', '320 MB']);
    expect(targets['naive-same-result']).toEqual(['FAIL', 'different']);
  });
});
