/**
 * `npm run bench`: the sync against a sandbox holding N generated timesheet lines, with latency on
 * every RPC call; a full sync then a rerun, batched as Tally does it and naive as a baseline, each
 * in its own worker process. Prints the figures and the targets of issue 7 and writes them as JSON.
 * Exit status: 0 every target met, 1 a target failed or the bench broke, 2 bad flags.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isTallyError } from '../src/shared/errors';
import { parseBenchOptions, type BenchOptions } from './bench-options';
import { evaluateTargets } from './figures';
import { measureStrategy } from './measure-strategy';
import { formatReport } from './print-report';
import type { BenchResults, Dataset, NaiveRun, SizeRun } from './results-schema';
import { generateWorkload, type Workload } from './workload';

/** The first month of every dataset (more lines reach further forward). */
const FIRST_PERIOD = '2024-01';

/** The repository root: the bench runs from dist/bench, its sources live in bench/. */
function repositoryRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return dir;
}

const say = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

function workloadOf(
  options: BenchOptions,
  lines: number,
): { workload: Workload; dataset: Dataset } {
  const workload = generateWorkload({
    lines,
    customers: options.customers,
    firstPeriod: FIRST_PERIOD,
    seed: options.seed,
  });
  const dataset = {
    lines: workload.lines.length,
    customers: workload.customers.length,
    tickets: workload.tickets.length,
    periods: [...workload.periods],
  };
  return { workload, dataset };
}

async function runBench(options: BenchOptions, root: string): Promise<BenchResults> {
  const configFile = path.join(root, 'config', 'agreements.default.yaml');
  const measure = (workload: Workload, strategy: 'batched' | 'naive') =>
    measureStrategy(workload, { strategy, latencyMs: options.latency, configFile });
  const runs: SizeRun[] = [];
  for (const lines of options.lines) {
    say(`Syncing ${lines.toLocaleString('en-US')} lines (batched)...`);
    const { workload, dataset } = workloadOf(options, lines);
    runs.push({ dataset, batched: await measure(workload, 'batched') });
  }
  say(`Syncing ${options.naiveLines.toLocaleString('en-US')} lines (naive baseline)...`);
  const small = workloadOf(options, options.naiveLines);
  const reused = runs.find((run) => run.dataset.lines === options.naiveLines);
  const batched = reused?.batched ?? (await measure(small.workload, 'batched'));
  const naiveFigures = await measure(small.workload, 'naive');
  const naive: NaiveRun = {
    dataset: small.dataset,
    batched,
    naive: naiveFigures,
    sameResult: batched.stateDigest === naiveFigures.stateDigest,
  };
  const targets = evaluateTargets(runs, naive);
  return {
    version: 1,
    startedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      node: process.versions.node,
      platform: `${os.platform()} ${os.arch()}`,
      totalMemMb: Math.round(os.totalmem() / 1024 / 1024),
    },
    options: {
      lines: options.lines,
      naiveLines: options.naiveLines,
      customers: options.customers,
      latencyMs: options.latency,
      seed: options.seed,
    },
    runs,
    naive,
    targets,
    allPass: targets.every((target) => target.status !== 'FAIL'),
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const root = repositoryRoot(__dirname);
  let options: BenchOptions;
  try {
    options = parseBenchOptions(argv);
  } catch (error) {
    process.stderr.write(`${isTallyError(error) ? error.userMessage : String(error)}\n`);
    return 2;
  }
  const results = await runBench(options, root);
  const dir = path.resolve(root, options.out);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `bench-${results.startedAt.replace(/[:.]/g, '-')}.json`);
  const json = `${JSON.stringify(results, null, 2)}\n`;
  await writeFile(file, json);
  await writeFile(path.join(dir, 'latest.json'), json);
  process.stdout.write(formatReport(results, path.relative(process.cwd(), file)));
  return results.allPass ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench: ${isTallyError(error) ? error.userMessage : error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
