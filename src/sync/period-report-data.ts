import type { Period } from '../domain/types';
import { periodBounds } from '../domain/periods';
import { planForReport, type ReportPlan } from './plan-for-report';
import type { ReadPeriodConfig } from './read-period';
import type { OdooReader } from './read/odoo-reader';
import { readPeriodInvoices } from './read/read-tally-invoices';
import type { OdooWriter } from './write/apply-writes';
import { parseInvoiceKey } from './write/invoice-key';

/** A customer's Tally invoice of the period as it stands in Odoo. */
export interface PeriodDraft {
  readonly customerId: string;
  readonly name: string | null;
  readonly state: 'draft' | 'posted' | 'cancel';
}

export interface PeriodReportData {
  readonly report: ReportPlan;
  /** Tally's invoices of the period (none before `tally setup`). */
  readonly drafts: readonly PeriodDraft[];
}

/** The invoice's number; null while Odoo shows a draft as "/" (numbered when it gets a date). */
export function invoiceNumber(name: string | null): string | null {
  return name === null || name === '/' ? null : name;
}

/** What `tally report` shows: the period as the drafts are planned, and the drafts in Odoo. */
export async function readPeriodReportData(
  client: OdooReader & OdooWriter,
  config: ReadPeriodConfig,
  input: { readonly period: Period; readonly customerId?: number },
): Promise<PeriodReportData> {
  const only = input.customerId === undefined ? {} : { customerId: input.customerId };
  const report = await planForReport(client, config, {
    period: input.period,
    // A dry run schedules nothing, so the day only fills the unused activity deadline.
    today: periodBounds(input.period).last,
    ...only,
  });
  if (report.history !== 'invoices') return { report, drafts: [] };
  const invoices = await readPeriodInvoices(client, input.period, input.customerId);
  const drafts = invoices.moves.flatMap((move) => {
    const key = parseInvoiceKey(move.x_tally_key);
    return key === null
      ? []
      : [{ customerId: key.customerId, name: invoiceNumber(move.name), state: move.state }];
  });
  return { report, drafts };
}
