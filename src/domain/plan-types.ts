import type { Decision } from './decision';
import type { PlanLineKind } from './line-key';
import type { PackBalance } from './prepaid';
import type { Problem } from './problems';
import type {
  CategoryKey,
  CurrencyCode,
  CustomerId,
  LocalDate,
  MinorUnits,
  Minutes,
  PackId,
  Period,
  TicketId,
  TierKey,
  TimesheetId,
} from './types';

/** One desired invoice line. Time lines are priced per hour; a fee line is one unit at `unitPrice`. */
export interface PlanLine {
  readonly key: string;
  readonly kind: Exclude<PlanLineKind, 'section'>;
  readonly label: string;
  /** Quantity of time (hours = minutes / 60); null for fee lines (quantity 1). */
  readonly minutes: Minutes | null;
  /** Hourly rate for time lines; the (prorated) fee for fee lines; 0 for drawdowns. */
  readonly unitPrice: MinorUnits;
  /** 100 on covered lines (shown, not charged), else 0. */
  readonly discountPercent: 0 | 100;
  /** What the line costs after discount, rounded half-up to the minor unit. */
  readonly amount: MinorUnits;
  readonly category: CategoryKey | null;
  readonly packId: PackId | null;
  readonly tier: TierKey | null;
  /** The timesheet lines this line represents (sorted). */
  readonly timesheetIds: readonly TimesheetId[];
  /**
   * On a correction line, the numbers of the invoices whose billing it corrects. The rules engine
   * knows no invoice: the sync names them from Tally's invoices.
   */
  readonly corrects?: readonly string[];
}

/** A section of the draft: one per ticket with activity in the period. */
export interface PlanSection {
  readonly key: string;
  readonly ticketId: TicketId;
  /** "HT00028 - Printer broken" */
  readonly title: string;
  readonly lines: readonly PlanLine[];
}

/** Work held back from the invoice until a human fixes its cause. */
export interface ReviewItem {
  readonly lineId: TimesheetId;
  readonly ticketId: TicketId;
  readonly date: LocalDate;
  readonly minutes: Minutes;
  readonly reason: string;
  readonly problems: readonly Problem[];
}

export type PlanEvent =
  | {
      readonly kind: 'prepaid_low_balance';
      readonly customerId: CustomerId;
      readonly openingMinutes: Minutes;
      readonly closingMinutes: Minutes;
      readonly thresholdMinutes: Minutes;
    }
  | {
      readonly kind: 'authorisation_cap_exceeded';
      readonly customerId: CustomerId;
      readonly ticketId: TicketId;
      readonly capMinutes: Minutes;
      readonly billedMinutes: Minutes;
    };

/**
 * Minute totals of the period. Identity (checked by the property tests):
 *   covered + drawn + invoiced + review = logged + adjustment
 * where `invoiced` includes corrections and `adjustment` = drawn + invoiced - billable is what
 * rounding, the per-request minimum and earlier billing add or take away (see rounding.ts).
 */
export interface PlanTotals {
  readonly logged: Minutes;
  readonly covered: Minutes;
  readonly billable: Minutes;
  readonly review: Minutes;
  readonly drawn: Minutes;
  readonly invoiced: Minutes;
  readonly adjustment: Minutes;
  /** Sum of all line amounts (fees included), in minor units. */
  readonly amount: MinorUnits;
}

/** The desired draft invoice of one customer for one period. */
export interface InvoicePlan {
  readonly customerId: CustomerId;
  readonly period: Period;
  readonly currency: CurrencyCode;
  readonly sections: readonly PlanSection[];
  /** Monthly fee lines (their own section on the invoice). */
  readonly feeLines: readonly PlanLine[];
  readonly reviewItems: readonly ReviewItem[];
  readonly events: readonly PlanEvent[];
  readonly packBalances: readonly PackBalance[];
  /** Decisions for the period's lines (to write the classification back to the timesheets). */
  readonly decisions: readonly Decision[];
  /** Problems that are not about one line (fees without a prerequisite agreement, ...). */
  readonly problems: readonly Problem[];
  readonly totals: PlanTotals;
}
