/**
 * The bench harness end to end at a tiny size (built with `npm run build`): both strategies run
 * in their own worker processes, the JSON has its documented shape, the figures agree with what
 * is in Odoo, and reruns write nothing. No timing is asserted: the machine is shared.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchResultsSchema, type BenchResults } from '../../bench/results-schema';

const BENCH = path.resolve(__dirname, '../../dist/bench/run-bench.js');

function runBench(
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BENCH, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run bench (built, tiny size)', () => {
  let out: string;
  let run: { code: number | null; stdout: string; stderr: string };
  let results: BenchResults;

  beforeAll(async () => {
    if (!existsSync(BENCH)) throw new Error(`Build first (npm run build): ${BENCH} is missing.`);
    out = mkdtempSync(path.join(os.tmpdir(), 'tally-bench-'));
    run = await runBench([
      '--lines',
      '400,800',
      '--naive-lines',
      '400',
      '--customers',
      '12',
      '--latency',
      '0',
      '--out',
      out,
    ]);
    results = BenchResultsSchema.parse(
      JSON.parse(readFileSync(path.join(out, 'latest.json'), 'utf8')),
    );
  });

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('finishes with a verdict (0 all met, 1 some failed) and writes a timestamped copy', () => {
    expect({ code: run.code, stderr: run.stderr }).toEqual({
      code: results.allPass ? 0 : 1,
      stderr: '',
    });
    expect(readdirSync(out).filter((name) => /^bench-.*\.json$/.test(name))).toHaveLength(1);
  });

  it('measures every size asked for on a dataset of exactly that many lines', () => {
    expect(results.runs.map((entry) => entry.dataset.lines)).toEqual([400, 800]);
    expect(results.naive.dataset.lines).toBe(400);
    for (const entry of results.runs) {
      expect(entry.dataset.customers).toBe(12);
      expect(entry.batched.full.readTrips).toBeGreaterThan(0);
      expect(entry.batched.peakRssMb).toBeGreaterThan(0);
    }
  });

  it('counts the invoice lines the sync wrote as Odoo holds them', () => {
    for (const entry of results.runs) {
      expect(entry.batched.full.invoiceLinesWritten).toBeGreaterThan(0);
      expect(entry.batched.full.invoiceLinesWritten).toBe(entry.batched.invoiceLinesInOdoo);
    }
  });

  it('writes nothing on any rerun, batched or naive', () => {
    const reruns = [...results.runs.map((entry) => entry.batched), results.naive.naive].map(
      (figures) => ({ writes: figures.rerun.writeTrips, lines: figures.rerun.invoiceLinesWritten }),
    );
    expect(reruns).toEqual(reruns.map(() => ({ writes: 0, lines: 0 })));
  });

  it('has the naive strategy do the same job with one call per record', () => {
    const { batched, naive } = results.naive;
    expect(results.naive.sameResult).toBe(true);
    expect(naive.stateDigest).toBe(batched.stateDigest);
    expect(naive.full.readTrips).toBeGreaterThanOrEqual(results.naive.dataset.lines);
    expect(naive.full.writeTrips).toBeGreaterThanOrEqual(naive.full.invoiceLinesWritten);
    expect(naive.full.writeTrips + naive.full.readTrips).toBeGreaterThan(
      batched.full.writeTrips + batched.full.readTrips,
    );
  });

  it('judges every target and prints each with its verdict', () => {
    const ids = results.targets.map((target) => target.id);
    expect(ids).toEqual([
      'read-trips-per-1000-lines@400',
      'rerun-read-trips-per-1000-lines@400',
      'write-trips-per-1000-invoice-lines@400',
      'rerun-writes@400',
      'read-trips-per-1000-lines@800',
      'rerun-read-trips-per-1000-lines@800',
      'write-trips-per-1000-invoice-lines@800',
      'rerun-writes@800',
      'peak-rss@400',
      'rss-growth',
      'fewer-trips-than-naive',
      'naive-same-result',
      'naive-rerun-writes',
    ]);
    expect(results.targets.every((target) => target.status !== 'SKIP')).toBe(true);
    expect(results.allPass).toBe(results.targets.every((target) => target.status === 'PASS'));
    for (const target of results.targets)
      expect(run.stdout).toContain(`${target.status.padEnd(4)}  ${target.description}`);
  });
});
