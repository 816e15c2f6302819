import type { Coverage, LocalDate, MinorUnits, Minutes, Period, PlanLine } from '../../domain';

/** A rule that decided part of a line's outcome: its id as in `Decision.ruleIds`. */
export interface ChosenTier {
  readonly key: string;
  readonly label: string;
  /** `agreement:<id>` or `agreement:default-tier`. */
  readonly ruleId: string;
  /** The agreement that applied; null for the default tier. */
  readonly agreement: {
    readonly id: string;
    readonly source: string;
    readonly validFrom: LocalDate | null;
    readonly validTo: LocalDate | null;
  } | null;
}

export interface ChosenCategory {
  readonly key: string;
  readonly label: string;
  /** `builtin:line-prefix`, `rule:<id>`, `builtin:ticket-category|type|tag`. */
  readonly ruleId: string | null;
}

export interface ExplainedProblem {
  readonly code: string;
  readonly blocking: boolean;
  readonly text: string;
}

/** A line of the planned draft that carries (part of) the timesheet. */
export interface PlannedLine {
  readonly key: string;
  readonly kind: PlanLine['kind'];
  readonly label: string;
}

/** The invoice line Odoo records as carrying the timesheet (`x_tally_invoice_line_id`). */
export interface RecordedLine {
  readonly lineId: number;
  /** null when the line is not one of Tally's keyed invoice lines. */
  readonly key: string | null;
  readonly label: string | null;
  readonly invoice: {
    readonly name: string | null;
    readonly state: 'draft' | 'posted' | 'cancel';
    readonly key: string;
  } | null;
}

/** The customer's invoice of a period that finance posted or cancelled (Tally never changes it). */
export interface ClosedInvoiceRef {
  readonly name: string | null;
  readonly state: 'posted' | 'cancel';
}

/**
 * Where the time went in the plan: onto draft lines, held for review, already paid for by what
 * earlier periods billed (the per-request minimum), onto a later draft as a correction (its
 * period's invoice was posted or cancelled before it was logged), or not in any plan at all.
 */
export type Destination =
  | { readonly kind: 'invoice'; readonly lines: readonly PlannedLine[] }
  | { readonly kind: 'review' }
  | { readonly kind: 'already_billed' }
  | {
      readonly kind: 'correction';
      /** The period's invoice, closed without this time. */
      readonly closed: ClosedInvoiceRef;
      /** The ticket's correction lines on invoices of later periods (none before the next sync). */
      readonly lines: readonly RecordedLine[];
    }
  | { readonly kind: 'not_planned'; readonly why: string };

/** Every decision about one timesheet line and the rule behind it. */
export interface LineExplanation {
  readonly timesheetId: number;
  readonly period: Period;
  readonly date: LocalDate;
  readonly minutes: Minutes;
  readonly description: string;
  /** null when the line is in no plan (see `destination.why`). */
  readonly coverage: Coverage | null;
  readonly tier: ChosenTier | null;
  readonly category: ChosenCategory | null;
  /** `coverage:always-billed`, `coverage:included:<tier>`, `coverage:not-included:<tier>`. */
  readonly coverageRuleId: string | null;
  readonly reason: string;
  readonly problems: readonly ExplainedProblem[];
  /** The rules engine's own sentences (src/domain/explain.ts). */
  readonly sentences: readonly string[];
  readonly destination: Destination;
  readonly recorded: RecordedLine | null;
  /** False when Odoo's record of where the line went differs from the plan (sync not run yet). */
  readonly inSync: boolean;
}

/** How a ticket's time in one period became its charge (src/domain/charges.ts). */
export interface TicketChargeExplanation {
  readonly logged: Minutes;
  readonly covered: Minutes;
  readonly review: Minutes;
  readonly billable: Minutes;
  /** Billable time of earlier periods as the minimum counts it (each line rounded if configured). */
  readonly countedBefore: Minutes;
  readonly countedInPeriod: Minutes;
  /** What the ticket is charged in all, up to the end of the period. */
  readonly target: Minutes;
  /** target − counted: the per-request minimum or request rounding. */
  readonly topUp: Minutes;
  readonly billedBefore: Minutes;
  /** target − billedBefore: drawn + invoiced + corrections. */
  readonly billedNow: Minutes;
  readonly drawn: readonly { readonly pack: string; readonly minutes: Minutes }[];
  readonly invoiced: Minutes;
  readonly corrections: Minutes;
  readonly amount: MinorUnits;
  /** Why the charge differs from the billable time, in words; null when it does not. */
  readonly note: string | null;
}

export interface ExplainedPeriod {
  readonly period: Period;
  readonly lines: readonly LineExplanation[];
  /** The customer's invoice of the period when it is closed: the plan shows it as it stands. */
  readonly closed: ClosedInvoiceRef | null;
  /** The ticket's charge; null for a single timesheet, or a ticket without customer. */
  readonly charge: TicketChargeExplanation | null;
}

/** `tally explain`: a timesheet line or a ticket, period by period. */
export interface Explanation {
  readonly subject: 'timesheet' | 'ticket';
  readonly ticket: {
    readonly id: number;
    readonly number: string;
    readonly name: string;
    readonly customer: { readonly id: number; readonly name: string } | null;
  };
  /** `assumed` when some period was planned before `tally setup` (earlier billing assumed). */
  readonly history: 'invoices' | 'assumed';
  readonly currency: { readonly code: string; readonly decimals: number };
  readonly periods: readonly ExplainedPeriod[];
}
