import { loadAgreementsConfig } from '../src/config/load-agreements';
import { OdooClient } from '../src/odoo/client';
import { lastDayOf } from '../src/sandbox/demo-company/calendar';
import { runSetup } from '../src/setup/run-setup';
import { BenchError } from './errors';
import { passFigures } from './figures';
import type { StrategyFigures } from './results-schema';
import { runWorker } from './run-worker';
import { seedWorkload } from './seed-workload';
import { keyedInvoiceLines, stateDigest } from './state-digest';
import type { Workload } from './workload';
import type { Strategy } from './worker-protocol';

export interface MeasureOptions {
  readonly strategy: Strategy;
  readonly latencyMs: number;
  /** The agreements config both Tally's setup and the sync use. */
  readonly configFile: string;
}

/**
 * Seeds a fresh sandbox with `workload`, runs `tally setup` against it (Tally's fields), injects
 * the latency, then has a worker process sync every period twice with `strategy`.
 */
export async function measureStrategy(
  workload: Workload,
  options: MeasureOptions,
): Promise<StrategyFigures> {
  const sandbox = await seedWorkload(workload);
  try {
    const setupClient = new OdooClient({
      connection: {
        url: sandbox.url,
        db: sandbox.db,
        login: sandbox.login,
        password: sandbox.password,
        protocol: 'jsonrpc',
      },
    });
    const setup = await runSetup(setupClient, {
      config: loadAgreementsConfig(options.configFile).config,
      options: { createProducts: false, dryRun: false },
    });
    await setupClient.close();
    if (!setup.ready)
      throw new BenchError('tally setup found the bench sandbox not ready; see its checklist.');
    sandbox.faults.setLatency(options.latencyMs);
    const periods = [...workload.periods];
    const last = periods[periods.length - 1] ?? '2024-01';
    const result = await runWorker({
      url: sandbox.url,
      db: sandbox.db,
      login: sandbox.login,
      password: sandbox.password,
      strategy: options.strategy,
      configFile: options.configFile,
      periods,
      today: lastDayOf(last),
    });
    sandbox.faults.setLatency(0);
    const lines = workload.lines.length;
    return {
      full: passFigures(result.full, lines),
      rerun: passFigures(result.rerun, lines),
      peakRssMb: passFigures(result.rerun, lines).peakRssMb,
      stateDigest: stateDigest(sandbox),
      invoiceLinesInOdoo: keyedInvoiceLines(sandbox),
    };
  } finally {
    await sandbox.close();
  }
}
