import { lineKey } from '../../domain/line-key';
import type { InvoicePlan, PlanLine } from '../../domain/plan-types';
import type { TimesheetId } from '../../domain/types';
import { MINUTES_PER_HOUR } from '../../domain/types';

/** Odoo ids the invoice lines refer to. */
export interface InvoiceProducts {
  /** Product of covered, billed and correction lines (the hourly product). */
  readonly hourlyProductId: number;
  /** Product of each pack's drawdown lines, by pack id (the pack's sale line product). */
  readonly packProductIds: ReadonlyMap<string, number>;
  /** Taxes of fee lines, which have no product (the hourly product's). */
  readonly feeTaxIds: readonly number[];
}

/** What one invoice line should hold in Odoo; compared with the existing line by `key`. */
export interface DesiredLine {
  readonly key: string;
  readonly displayType: 'line_section' | 'product';
  /** The ticket whose section the line is in; null on the fee section and fee lines. */
  readonly ticketId: number | null;
  readonly name: string;
  readonly sequence: number;
  /** null on sections and fee lines (fees use the journal's income account). */
  readonly productId: number | null;
  /** Hours (2 decimals, Odoo's default quantity precision); 0 on sections. */
  readonly quantity: number;
  /** In major units of the currency. */
  readonly priceUnit: number;
  readonly discount: 0 | 100;
  /** Timesheets this line carries (each timesheet is carried by exactly one line). */
  readonly timesheetIds: readonly number[];
  /** Taxes set when the line is created (product lines take their product's); never compared. */
  readonly taxIds?: readonly number[];
}

export const QUANTITY_DECIMALS = 2;

const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

/** The fee section's key: fees are not tied to a ticket. */
export function feeSectionKey(plan: InvoicePlan): string {
  return lineKey({
    customerId: plan.customerId,
    period: plan.period,
    ticketId: null,
    kind: 'section',
    discriminator: 'fees',
  });
}

/**
 * The invoice lines a plan asks for, in order: one section per ticket with its lines, then a
 * section of monthly fees. A timesheet that feeds several lines (part drawn, part billed) is
 * carried by the first of them; correction lines carry none, their timesheets stay with the
 * invoice that first billed them.
 */
export function desiredLines(
  plan: InvoicePlan,
  products: InvoiceProducts,
  currencyDecimals: number,
): DesiredLine[] {
  const lines: DesiredLine[] = [];
  const carried = new Set<TimesheetId>();
  const priceOf = (line: PlanLine) =>
    round(line.unitPrice / 10 ** currencyDecimals, currencyDecimals);
  const push = (line: Omit<DesiredLine, 'sequence'>) =>
    lines.push({ ...line, sequence: (lines.length + 1) * 10 });
  const timeLine = (line: PlanLine, ticketId: number): Omit<DesiredLine, 'sequence'> => {
    const carries =
      line.kind === 'correction' ? [] : line.timesheetIds.filter((id) => !carried.has(id));
    carries.forEach((id) => carried.add(id));
    const productId =
      line.kind === 'drawdown' && line.packId !== null
        ? (products.packProductIds.get(line.packId) ?? products.hourlyProductId)
        : products.hourlyProductId;
    return {
      key: line.key,
      displayType: 'product',
      ticketId,
      name: line.label,
      productId,
      quantity: round((line.minutes ?? 0) / MINUTES_PER_HOUR, QUANTITY_DECIMALS),
      priceUnit: priceOf(line),
      discount: line.discountPercent,
      timesheetIds: carries.map(Number),
    };
  };
  for (const section of plan.sections) {
    const ticketId = Number(section.ticketId);
    push(sectionLine(section.key, section.title, ticketId));
    for (const line of section.lines) push(timeLine(line, ticketId));
  }
  if (plan.feeLines.length > 0) {
    push(sectionLine(feeSectionKey(plan), 'Monthly fees', null));
    for (const line of plan.feeLines) {
      push({
        key: line.key,
        displayType: 'product',
        ticketId: null,
        name: line.label,
        productId: null,
        quantity: 1,
        priceUnit: priceOf(line),
        discount: line.discountPercent,
        timesheetIds: [],
        taxIds: products.feeTaxIds,
      });
    }
  }
  return lines;
}

function sectionLine(
  key: string,
  name: string,
  ticketId: number | null,
): Omit<DesiredLine, 'sequence'> {
  return {
    key,
    displayType: 'line_section',
    ticketId,
    name,
    productId: null,
    quantity: 0,
    priceUnit: 0,
    discount: 0,
    timesheetIds: [],
  };
}
