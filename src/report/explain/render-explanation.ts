import { formatHours, formatMinorUnits, type Minutes } from '../../domain';
import type {
  ClosedInvoiceRef,
  ExplainedPeriod,
  Explanation,
  LineExplanation,
  RecordedLine,
  TicketChargeExplanation,
} from './explanation';

const LABEL_WIDTH = 12;
const hours = (time: Minutes) => `${formatHours(time)} h`;
const STATE_WORDS = { draft: 'draft', posted: 'posted', cancel: 'cancelled' } as const;

function row(indent: string, label: string, text: string): string {
  return `${indent}${label.padEnd(LABEL_WIDTH)}${text}`;
}

function tierText(line: LineExplanation): string {
  const tier = line.tier;
  if (tier === null) return 'none could be determined';
  const agreement = tier.agreement;
  if (agreement === null)
    return `${tier.label} (${tier.key}), the default tier: no agreement that day`;
  const from = agreement.validFrom ?? 'always';
  const to = agreement.validTo ?? 'open-ended';
  return `${tier.label} (${tier.key}), agreement ${agreement.id} (${agreement.source}, ${from} to ${to})`;
}

function recordedText(recorded: RecordedLine | null): string {
  if (recorded === null) return 'not on any invoice line';
  if (recorded.invoice === null) return `invoice line ${recorded.lineId}, not one of Tally's lines`;
  const state = STATE_WORDS[recorded.invoice.state];
  const invoice =
    recorded.invoice.name === null
      ? `the ${state} invoice ${recorded.invoice.key} (not numbered yet)`
      : `${recorded.invoice.name} (${state})`;
  return `"${recorded.label ?? ''}" on ${invoice}`;
}

function destinationRows(indent: string, line: LineExplanation): string[] {
  const destination = line.destination;
  switch (destination.kind) {
    case 'invoice':
      return destination.lines.map((planned, index) =>
        row(indent, index === 0 ? 'planned' : '', `"${planned.label}" (${planned.kind})`),
      );
    case 'review':
      return [row(indent, 'planned', 'held for review: not invoiced until the problem is fixed')];
    case 'already_billed':
      return [
        row(
          indent,
          'planned',
          'nothing to charge: earlier periods already billed the ticket this far (minimum per request)',
        ),
      ];
    case 'correction':
      return [
        row(
          indent,
          'planned',
          `${closedText(destination.closed)} before this time was logged: a later draft bills it as a correction`,
        ),
        ...destination.lines.map((line) => row(indent, '', recordedText(line))),
      ];
    case 'not_planned':
      return [row(indent, 'planned', destination.why)];
  }
}

function closedText(closed: ClosedInvoiceRef): string {
  return `${closed.name ?? 'the invoice of the period'} was ${STATE_WORDS[closed.state]}`;
}

/**
 * What brings Odoo in line with the plan: a sync of the period, or, when its invoice is closed, a
 * sync that corrects it on the current month's draft.
 */
function syncAdvice(line: LineExplanation, closed: ClosedInvoiceRef | null): string {
  if (closed !== null) {
    return `Not corrected yet: \`tally sync\` bills what it adds to the ticket's charge on the current month's draft (${closedText(closed)} and is never changed).`;
  }
  return `Odoo differs from this plan: \`tally sync --period ${line.period}\` brings it in line (posted invoices are never changed).`;
}

/** The block for one timesheet line; `setUp`: Tally's fields exist, so a sync can mark it. */
function renderLine(
  line: LineExplanation,
  setUp: boolean,
  closed: ClosedInvoiceRef | null,
): string[] {
  const indent = '  ';
  const rows = [
    `${indent}Timesheet ${line.timesheetId}, ${line.date}, ${hours(line.minutes)}: ${line.description || '(no description)'}`,
  ];
  const inner = `${indent}  `;
  if (line.coverage !== null) {
    rows.push(row(inner, 'tier', tierText(line)));
    rows.push(
      row(
        inner,
        'category',
        line.category === null
          ? 'none'
          : `${line.category.label} (${line.category.key}), by ${line.category.ruleId ?? 'no rule'}`,
      ),
    );
    rows.push(
      row(
        inner,
        'coverage',
        `${line.coverage}${line.coverageRuleId === null ? '' : `, by ${line.coverageRuleId}`}: ${line.reason}`,
      ),
    );
    const problems = line.problems.map(
      (problem) => `${problem.blocking ? 'problem' : 'warning'} ${problem.code}: ${problem.text}`,
    );
    problems.forEach((text, index) => rows.push(row(inner, index === 0 ? 'problems' : '', text)));
    if (problems.length === 0) rows.push(row(inner, 'problems', 'none'));
  }
  rows.push(...destinationRows(inner, line));
  rows.push(row(inner, 'in Odoo', recordedText(line.recorded)));
  if (!line.inSync && setUp) rows.push(row(inner, '', syncAdvice(line, closed)));
  line.sentences.forEach((sentence, index) =>
    rows.push(row(inner, index === 0 ? 'why' : '', sentence)),
  );
  return rows;
}

function renderCharge(
  charge: TicketChargeExplanation,
  money: (amount: TicketChargeExplanation['amount']) => string,
): string[] {
  const indent = '    ';
  const drawn =
    charge.drawn.length === 0
      ? 'nothing from prepaid packs'
      : charge.drawn.map((entry) => `${hours(entry.minutes)} from ${entry.pack}`).join(', ');
  return [
    '  Charge of the ticket',
    row(
      indent,
      'logged',
      `${hours(charge.logged)}: covered ${hours(charge.covered)}, held ${hours(charge.review)}, billable ${hours(charge.billable)}`,
    ),
    row(
      indent,
      'counted',
      `${hours(charge.countedBefore)} before the period + ${hours(charge.countedInPeriod)} in it`,
    ),
    row(
      indent,
      'charged',
      `${hours(charge.target)} in all (minimum/rounding ${hours(charge.topUp)})`,
    ),
    row(indent, 'billed', `${hours(charge.billedBefore)} before, ${hours(charge.billedNow)} now`),
    row(
      indent,
      'now',
      `${drawn}; ${hours(charge.invoiced)} invoiced; ${hours(charge.corrections)} corrections; ${money(charge.amount)}`,
    ),
    ...(charge.note === null ? [] : [row(indent, 'note', charge.note)]),
  ];
}

function renderPeriod(
  entry: ExplainedPeriod,
  setUp: boolean,
  money: (amount: TicketChargeExplanation['amount']) => string,
): string[] {
  const lines = entry.lines.flatMap((line) => renderLine(line, setUp, entry.closed));
  const closed = entry.closed === null ? '' : `: ${closedText(entry.closed)}, shown as invoiced`;
  return [
    `Period ${entry.period}${closed}`,
    ...(lines.length === 0 ? ['  no time logged on the ticket in this period'] : lines),
    ...(entry.charge === null ? [] : renderCharge(entry.charge, money)),
  ];
}

/** The explanation as plain text for a terminal. */
export function renderExplanation(explanation: Explanation): string[] {
  const { ticket, currency } = explanation;
  const customer =
    ticket.customer === null
      ? 'no customer'
      : `customer ${ticket.customer.name} (${ticket.customer.id})`;
  const money = (amount: TicketChargeExplanation['amount']) =>
    `${formatMinorUnits(amount, currency.decimals)} ${currency.code}`;
  const out = [`Ticket ${ticket.number} ${ticket.name} (#${ticket.id}), ${customer}`];
  if (explanation.history === 'assumed') {
    out.push(
      'Tally has not been set up in this Odoo yet: earlier periods are assumed billed by the same rules.',
    );
  }
  if (explanation.periods.length === 0) out.push('No time is logged on this ticket.');
  const setUp = explanation.history === 'invoices';
  for (const entry of explanation.periods) out.push('', ...renderPeriod(entry, setUp, money));
  return out;
}
