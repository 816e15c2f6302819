import type { CustomerFacts } from '../domain/facts';
import { formatMinorUnits } from '../domain/money';
import type { InvoicePlan, PlanEvent, PlanLine } from '../domain/plan-types';
import { describeProblem } from '../domain/problem-text';
import { formatHours } from '../domain/time-units';
import type { SyncProblem } from './map/mapped';
import type { PeriodPlan } from './plan-period';

const INDENT = '  ';

function lineText(line: PlanLine, decimals: number): string {
  const price = formatMinorUnits(line.unitPrice, decimals);
  const quantity = line.minutes === null ? '1 ×' : `${formatHours(line.minutes)} h ×`;
  const discount = line.discountPercent === 100 ? ' (100 % discount)' : '';
  return `${line.kind.padEnd(10)} ${line.label} | ${quantity} ${price}${discount} = ${formatMinorUnits(line.amount, decimals)}`;
}

function eventText(event: PlanEvent): string {
  switch (event.kind) {
    case 'prepaid_low_balance':
      return `Prepaid balance low: ${formatHours(event.openingMinutes)} h → ${formatHours(event.closingMinutes)} h (threshold ${formatHours(event.thresholdMinutes)} h)`;
    case 'authorisation_cap_exceeded':
      return `Ticket ${event.ticketId} passed the authorised ${formatHours(event.capMinutes)} h (${formatHours(event.billedMinutes)} h billed)`;
  }
}

/** Renders one customer's plan as text lines for `--dry-run` and the demo. */
export function formatInvoicePlan(
  customer: CustomerFacts,
  plan: InvoicePlan,
  decimals: number,
): string[] {
  const { totals } = plan;
  const out = [`${customer.name} (customer ${customer.id}), ${plan.period}, ${plan.currency}`];
  for (const section of plan.sections) {
    out.push(`${INDENT}${section.title}`);
    for (const line of section.lines) out.push(`${INDENT}${INDENT}${lineText(line, decimals)}`);
  }
  if (plan.feeLines.length > 0) {
    out.push(`${INDENT}Monthly fees`);
    for (const line of plan.feeLines) out.push(`${INDENT}${INDENT}${lineText(line, decimals)}`);
  }
  if (plan.reviewItems.length > 0) {
    out.push(`${INDENT}Held for review (not invoiced)`);
    for (const item of plan.reviewItems) {
      out.push(
        `${INDENT}${INDENT}timesheet ${item.lineId} on ticket ${item.ticketId}, ${item.date}, ${formatHours(item.minutes)} h: ${item.reason}`,
      );
    }
  }
  for (const problem of plan.problems) out.push(`${INDENT}Problem: ${describeProblem(problem)}`);
  for (const event of plan.events) out.push(`${INDENT}Event: ${eventText(event)}`);
  out.push(
    `${INDENT}Total ${formatMinorUnits(totals.amount, decimals)} ${plan.currency}: ` +
      `logged ${formatHours(totals.logged)} h, covered ${formatHours(totals.covered)} h, ` +
      `drawn ${formatHours(totals.drawn)} h, invoiced ${formatHours(totals.invoiced)} h, ` +
      `review ${formatHours(totals.review)} h`,
  );
  return out;
}

/** A record problem as one line: `account.analytic.line 12, unit_amount: reason`. */
export function formatSyncProblem(problem: SyncProblem): string {
  const record = problem.recordId === null ? 'a record without id' : String(problem.recordId);
  return `${problem.model} ${record}${problem.path === '' ? '' : `, ${problem.path}`}: ${problem.message}`;
}

/** Renders a whole period's dry run: every customer's plan, then the records left out. */
export function formatPeriodPlan(plan: PeriodPlan, decimals: number): string[] {
  const out = [`Dry run for ${plan.period} (${plan.company.currency}, ${plan.company.timeZone})`];
  for (const entry of plan.plans)
    out.push('', ...formatInvoicePlan(entry.customer, entry.plan, decimals));
  if (plan.problems.length > 0) {
    out.push('', 'Records left out');
    for (const problem of plan.problems) out.push(`${INDENT}${formatSyncProblem(problem)}`);
  }
  return out;
}
