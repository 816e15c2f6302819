import { formatMinorUnits } from '../domain/money';
import type { SyncProblem } from './map/mapped';
import type { SyncRunResult } from './sync-changes';
import {
  formatUnknownPrefixLine,
  unknownPrefixLines,
  type UnknownPrefixLine,
} from './unknown-prefixes';
import { describeWrites, formatPlannedWrite, type PlannedWrite } from './write/describe-writes';

/** One customer's outcome in one period, for people and for `--json`. */
export interface CustomerOutcome {
  readonly period: string;
  readonly customerId: number;
  readonly customer: string;
  /** created | updated | unchanged | closed (posted or cancelled: not touched) | none */
  readonly draft: 'created' | 'updated' | 'unchanged' | 'closed' | 'none';
  readonly amount: string;
  readonly reviewLines: number;
}

/** A write a dry run would have made, with its period. */
export interface PeriodWrite extends PlannedWrite {
  readonly period: string;
}

export interface RunSummary {
  readonly periods: readonly string[];
  readonly customers: readonly CustomerOutcome[];
  readonly writeCalls: number;
  readonly dryRun: boolean;
  /** On a dry run, every write the run would have made; empty otherwise. */
  readonly writes: readonly PeriodWrite[];
  readonly problems: readonly SyncProblem[];
  /** Lines whose `[prefix]` names no category: held, or classified by their ticket. */
  readonly unknownPrefixes: readonly UnknownPrefixLine[];
}

/** What a sync run did, per period and customer (no secrets, no Odoo payloads). */
export function summarizeRun(result: SyncRunResult, currencyDecimals: number): RunSummary {
  const customers: CustomerOutcome[] = [];
  for (const period of result.periods) {
    for (const { customer, plan } of period.plans) {
      const id = Number(customer.id);
      const draft = period.closed.some((entry) => entry.customerId === id)
        ? 'closed'
        : period.writes.createMoves.some((entry) => entry.customerId === id)
          ? 'created'
          : period.writes.updateMoves.some((entry) => entry.customerId === id)
            ? 'updated'
            : plan.sections.length + plan.feeLines.length === 0
              ? 'none'
              : 'unchanged';
      customers.push({
        period: period.period,
        customerId: id,
        customer: customer.name,
        draft,
        amount: `${formatMinorUnits(plan.totals.amount, currencyDecimals)} ${plan.currency}`,
        reviewLines: plan.reviewItems.length,
      });
    }
  }
  const dryRun = result.periods.every((period) => period.applied === null);
  return {
    periods: result.periods.map((period) => period.period),
    customers,
    writeCalls: result.periods.reduce(
      (total, period) => total + (period.applied?.calls ?? 0),
      result.finalWrites?.calls ?? 0,
    ),
    dryRun,
    writes: dryRun ? result.periods.flatMap(periodWrites) : [],
    problems: result.periods.flatMap((period) => period.problems),
    unknownPrefixes: result.periods.flatMap((period) => {
      const tickets = new Map(period.facts.tickets.map((ticket) => [ticket.id, ticket]));
      return period.plans.flatMap(({ plan }) =>
        unknownPrefixLines(period.period, plan.decisions, tickets),
      );
    }),
  };
}

function periodWrites(period: SyncRunResult['periods'][number]): PeriodWrite[] {
  const names = new Map(period.plans.map(({ customer }) => [Number(customer.id), customer.name]));
  return describeWrites(period.writes, (id) => names.get(id) ?? 'customer').map((write) => ({
    period: period.period,
    ...write,
  }));
}

/** A dry run says what would happen, not what did. */
function draftText(draft: CustomerOutcome['draft'], dryRun: boolean): string {
  if (!dryRun || (draft !== 'created' && draft !== 'updated')) return draft;
  return `would be ${draft}`;
}

/** The summary as plain lines for a terminal or a log. */
export function formatRunSummary(summary: RunSummary): string[] {
  const lines = summary.customers.map(
    (entry) =>
      `${entry.period}  ${entry.customer} (${entry.customerId}): draft ${draftText(entry.draft, summary.dryRun)}, ${entry.amount}` +
      (entry.reviewLines > 0 ? `, ${entry.reviewLines} line(s) held for review` : ''),
  );
  for (const line of summary.unknownPrefixes) {
    lines.push(`${line.period}  ${formatUnknownPrefixLine(line)}`);
  }
  if (summary.dryRun) {
    for (const period of summary.periods) {
      const writes = summary.writes.filter((write) => write.period === period);
      lines.push(
        writes.length === 0
          ? `${period}  no write would be made`
          : `${period}  writes it would make (${writes.length}):`,
        ...writes.map((write) => `  ${formatPlannedWrite(write)}`),
      );
    }
  }
  for (const problem of summary.problems) {
    lines.push(
      `Skipped ${problem.model} ${problem.recordId} (${problem.path}): ${problem.message}`,
    );
  }
  lines.push(
    summary.dryRun
      ? `Dry run: nothing was written (periods ${summary.periods.join(', ')}).`
      : `${summary.writeCalls} write call(s) to Odoo (periods ${summary.periods.join(', ')}).`,
  );
  return lines;
}
