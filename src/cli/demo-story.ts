import type { LoadedAgreements } from '../config/load-agreements';
import { localDateOfInstant, nextPeriod, previousPeriod } from '../domain/periods';
import type { Period } from '../domain/types';
import type { OdooClient } from '../odoo/client';
import { detectFieldProfile, fieldNamesVia } from '../odoo/profiles/detect-profile';
import { buildPeriodReport } from '../report/period-report/build-period-report';
import { periodStatements } from '../report/statement/period-statements';
import type { Statement } from '../report/statement/statement';
import { runSetup } from '../setup/run-setup';
import { closeCustomerPeriod } from '../sync/close-period';
import { latestPeriodWithWork } from '../sync/latest-period';
import { planForReport } from '../sync/plan-for-report';
import { readPeriodConfigOf, type ReadPeriodConfig } from '../sync/read-period';
import { syncPeriod, type PeriodSyncResult } from '../sync/sync-period';
import { demoSummaryLines } from './demo-summary';
import { writeStatements } from './statement-files';

/** The months the demo company has work in: the newest and the two before it. */
const DEMO_MONTHS = 3;

export interface DemoStory {
  readonly lines: string[];
  /** The newest month's statements, as written. */
  readonly statements: readonly Statement[];
}

/**
 * What `tally demo` does, through the same code as production: setup, a sync of each month in
 * order, the close of the newest one, and its statements. Returns what to print.
 */
export async function runDemoStory(
  client: OdooClient,
  agreements: LoadedAgreements,
  options: { out: string; now: Date },
): Promise<DemoStory> {
  const lines: string[] = [];
  const setup = await runSetup(client, {
    config: agreements.config,
    options: { createProducts: true, dryRun: false },
  });
  const created = setup.changes.filter((change) => change.action === 'created');
  lines.push(
    `Setup: ${created.length} custom fields, views and products created; ${setup.ready ? 'ready' : 'NOT ready'}.`,
  );
  const profile = await detectFieldProfile(fieldNamesVia(client));
  const newest = await latestPeriodWithWork(client, profile);
  if (newest === null)
    return { lines: [...lines, 'The sandbox holds no timesheets: nothing to do.'], statements: [] };
  let first: Period = newest;
  for (let month = 1; month < DEMO_MONTHS; month += 1) first = previousPeriod(first);
  const config: ReadPeriodConfig = withImportedHistory(readPeriodConfigOf(agreements), first);
  const today = localDateOfInstant(options.now.toISOString(), 'Europe/Stockholm');
  if (today === null) throw new RangeError('invalid clock');

  let last: PeriodSyncResult | null = null;
  for (let period = first; period <= newest; period = nextPeriod(period)) {
    last = await syncPeriod(client, config, { period, today, profile });
    const drafts = last.writes.createMoves.length + last.writes.updateMoves.length;
    const invoiceLines = last.writes.createMoves.reduce((sum, move) => sum + move.lines, 0);
    const review = last.plans.reduce((sum, { plan }) => sum + plan.reviewItems.length, 0);
    lines.push(
      `Sync ${period}: ${drafts} draft invoices written (${invoiceLines} lines), ${review} timesheet lines held for review, ${last.problems.length} records skipped.`,
    );
  }
  let activities = 0;
  for (const { customer } of last?.plans ?? []) {
    const closed = await closeCustomerPeriod(client, config, {
      period: newest,
      customerId: Number(customer.id),
      today,
    });
    activities += closed.reviewActivities;
  }
  lines.push(
    `Close ${newest}: invoice dates set to the month's last day, ${activities} review activities for finance.`,
  );

  const report = await planForReport(client, config, { period: newest, today });
  const decimals = config.currencyDecimals;
  // The closing table shows no invoice states, so the drafts in Odoo need not be read for it.
  const rows = buildPeriodReport({ report, drafts: [] }, config.settings);
  lines.push('', ...demoSummaryLines(newest, rows, report.plan.company.currency, decimals));
  const statements = periodStatements(report.facts, report.plan, config.settings, decimals);
  const paths = await writeStatements(options.out, statements);
  lines.push('', `Statements for ${newest} (open them in a browser, print to PDF):`);
  for (const file of paths) lines.push(`  ${file}`);
  return { lines, statements };
}

/**
 * The demo company arrives with its history, as an import does: its customers are created today
 * (a real Odoo stamps each create), yet their tags held from the first month shown. So the story
 * says so through the setting such a database would use (`sources.tier.validFrom`).
 */
function withImportedHistory(config: ReadPeriodConfig, first: Period): ReadPeriodConfig {
  const tier = config.sources.tier;
  if (tier.kind !== 'partner_tags' || tier.validFrom !== null) return config;
  return {
    ...config,
    sources: { ...config.sources, tier: { ...tier, validFrom: `${first}-01` } },
  };
}
