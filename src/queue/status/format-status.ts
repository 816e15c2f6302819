import type { LastRun } from '../last-runs';
import type { StatusReport } from './collect-status';

const SHOWN_STATES = [
  'waiting',
  'active',
  'delayed',
  'waiting-children',
  'completed',
  'failed',
] as const;

function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

// The customer table stays readable; the full reason is under "Recent failures".
function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function cursorText(run: LastRun): string {
  const cursor = run.summary?.cursor;
  if (cursor === null || typeof cursor !== 'object') return '-';
  const { writeDate, id } = cursor as { writeDate?: unknown; id?: unknown };
  return `${String(writeDate)} #${String(id)}`;
}

function linesText(run: LastRun): string {
  const lines = run.summary?.lines as
    { created?: number; updated?: number; removed?: number } | undefined;
  if (lines === undefined) return '-';
  return `+${lines.created ?? 0} ~${lines.updated ?? 0} -${lines.removed ?? 0}`;
}

/** `tally status` as text for a person. */
export function formatStatus(report: StatusReport): string[] {
  const out: string[] = [`Queues (prefix ${report.prefix}):`];
  out.push(
    ...table([
      ['queue', ...SHOWN_STATES],
      ...report.queues.map((queue) => [
        queue.queue,
        ...SHOWN_STATES.map((state) => String(queue.counts[state])),
      ]),
    ]).map((line) => `  ${line}`),
  );
  out.push('', 'Schedules:');
  if (report.schedules.length === 0)
    out.push('  none (the worker applies config/schedules.yaml when it starts)');
  else
    out.push(
      ...table([
        ['id', 'job', 'cron', 'time zone', 'next run (UTC)'],
        ...report.schedules.map((s) => [s.id, s.job, s.cron, s.tz, s.next ?? '-']),
      ]).map((line) => `  ${line}`),
    );
  out.push('', 'Customers (last run):');
  if (report.customers.length === 0) out.push('  no customer job has finished yet');
  else
    out.push(
      ...table([
        ['customer', 'job', 'period', 'finished (UTC)', 'outcome', 'lines', 'cursor'],
        ...report.customers.map((run) => [
          String(run.customerId),
          run.job,
          run.period,
          run.finishedAt,
          run.outcome === 'failed' ? `failed: ${shorten(run.reason ?? '', 60)}` : 'ok',
          linesText(run),
          cursorText(run),
        ]),
      ]).map((line) => `  ${line}`),
    );
  out.push('', 'Recent failures:');
  if (report.failures.length === 0) out.push('  none');
  for (const failure of report.failures) {
    const who = failure.customerId === null ? '' : ` customer ${failure.customerId}`;
    const when = failure.period === null ? '' : ` ${failure.period}`;
    out.push(
      `  ${failure.failedAt ?? '?'} ${failure.job}${who}${when} (job ${failure.jobId}, ${failure.attempts} attempt${failure.attempts === 1 ? '' : 's'}): ${failure.reason}`,
    );
  }
  return out;
}
