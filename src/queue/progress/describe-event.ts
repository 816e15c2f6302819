import type { JobEvent } from '../worker-observer';

/** `sync-customer 42 2026-11 (job 17)`: how a job is named to a person. */
export function describeJob(event: JobEvent): string {
  const scope = event.scope === undefined ? '' : ` ${event.scope.customerId} ${event.scope.period}`;
  return `${event.job}${scope} (job ${event.jobId})`;
}

/** A short account of a summary: lines written and problems, when it has them. */
export function describeResult(result: unknown): string {
  if (result === null || typeof result !== 'object') return '';
  const { lines, problems, customers } = result as {
    lines?: { created: number; updated: number; removed: number };
    problems?: number;
    customers?: number;
  };
  const parts: string[] = [];
  if (customers !== undefined) parts.push(`${customers} customers`);
  if (lines !== undefined)
    parts.push(`lines +${lines.created} ~${lines.updated} -${lines.removed}`);
  if (problems !== undefined && problems > 0) parts.push(`${problems} for review`);
  return parts.join(', ');
}
