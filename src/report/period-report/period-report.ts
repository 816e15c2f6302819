import type { LocalDate, MinorUnits, Minutes, Period } from '../../domain';
import type { UnknownPrefixLine } from '../../sync/unknown-prefixes';

/** The state of a customer's Tally invoice for the period in Odoo. */
export type DraftState = 'none' | 'draft' | 'posted' | 'cancelled';

export interface ReportPack {
  readonly name: string;
  readonly opening: Minutes;
  readonly drawn: Minutes;
  readonly closing: Minutes;
  readonly expiresOn: LocalDate | null;
}

export interface ReportReviewItem {
  readonly timesheetId: number;
  readonly ticket: string;
  readonly date: LocalDate;
  readonly minutes: Minutes;
  readonly reason: string;
}

export interface ReportCorrections {
  readonly minutes: Minutes;
  readonly amount: MinorUnits;
  /** The invoice numbers corrected. */
  readonly corrects: readonly string[];
}

/** One customer's period as the draft is planned, or as its posted invoice stands (`tally report`). */
export interface CustomerReport {
  readonly period: Period;
  /** null: work on tickets without a customer (all of it held for review). */
  readonly customerId: number | null;
  readonly customer: string;
  readonly currency: string;
  readonly logged: Minutes;
  readonly covered: Minutes;
  /** Charged time paid from prepaid packs. */
  readonly drawn: Minutes;
  /** Charged time invoiced at the hourly rate, corrections included. */
  readonly billed: Minutes;
  readonly review: Minutes;
  /** What the covered time is worth at its rate (shown at 100 % discount). */
  readonly coveredValue: MinorUnits;
  /** Amount of the billed and correction lines. */
  readonly billedAmount: MinorUnits;
  /** The correction lines among them: time of earlier, closed invoices billed in this period. */
  readonly corrections: ReportCorrections;
  readonly feeAmount: MinorUnits;
  readonly totalAmount: MinorUnits;
  readonly packs: readonly ReportPack[];
  readonly reviewItems: readonly ReportReviewItem[];
  /** Lines starting with a `[prefix]` that names no category (held or classified by the ticket). */
  readonly unknownPrefixes: readonly UnknownPrefixLine[];
  readonly draft: { readonly state: DraftState; readonly invoice: string | null };
}
