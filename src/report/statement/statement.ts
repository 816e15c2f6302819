import type {
  CompanyContext,
  CurrencyCode,
  CustomerFacts,
  CustomerId,
  EngineSettings,
  InvoicePlan,
  LocalDate,
  MinorUnits,
  Minutes,
  PackId,
  Period,
  PrepaidPack,
  TicketFacts,
  TicketId,
} from '../../domain';

/** What one customer's statement is built from: the plan of the period and the facts behind it. */
export interface StatementInput {
  readonly company: CompanyContext;
  readonly customer: CustomerFacts;
  readonly plan: InvoicePlan;
  /** The period's tickets (any customer's; only the plan's customer's are used). */
  readonly tickets: readonly TicketFacts[];
  /** The period's packs (any customer's; only the plan's customer's are used). */
  readonly packs: readonly PrepaidPack[];
  readonly settings: EngineSettings;
  /** Decimals of the currency (the config's `currencyDecimals`). */
  readonly currencyDecimals: number;
}

export type CoverageKind = 'covered' | 'prepaid' | 'invoiced' | 'review';

/** Hours of the period in one coverage outcome (charged hours include minimums and rounding). */
export interface CoverageSlice {
  readonly kind: CoverageKind;
  readonly label: string;
  readonly minutes: Minutes;
}

export interface StatementTicket {
  readonly ticketId: TicketId;
  readonly number: string;
  readonly name: string;
  /** Time logged in the period. */
  readonly logged: Minutes;
  readonly covered: Minutes;
  readonly review: Minutes;
  /** Logged time that is chargeable (neither covered nor held for review). */
  readonly billable: Minutes;
  /** Charged time paid from prepaid packs. */
  readonly drawn: Minutes;
  /** Charged time invoiced at the hourly rate (corrections included, negative). */
  readonly invoiced: Minutes;
  /** drawn + invoiced − billable: what the minimum, rounding or earlier billing changed. */
  readonly adjustment: Minutes;
  /** Why the adjustment, in words; null when there is none. */
  readonly adjustmentNote: string | null;
  /** Distinct reasons of the covered and billable decisions (held ones are in `review`). */
  readonly reasons: readonly string[];
  readonly amount: MinorUnits;
}

export interface PackDrawdown {
  readonly date: LocalDate;
  readonly ticketNumber: string;
  readonly minutes: Minutes;
  readonly balanceAfter: Minutes;
}

export interface BurnDownPoint {
  readonly date: LocalDate;
  readonly balance: Minutes;
}

/** The pack that pays for work once another is used up or expired (see next-pack.ts). */
export interface NextPack {
  readonly packId: PackId;
  readonly name: string;
  /** Its balance at the end of the period. */
  readonly balance: Minutes;
  /** First day it can no longer be used; null = never expires. */
  readonly expiresOn: LocalDate | null;
  /** Its first day when that is later than the work in question (the hourly rate until then). */
  readonly startsOn: LocalDate | null;
}

/** How long a pack's balance lasts at the period's pace of use, and what pays once it is gone. */
export type PackProjection =
  | { readonly kind: 'no_use' }
  | { readonly kind: 'used_up'; readonly next: NextPack | null }
  | {
      readonly kind: 'expired';
      readonly on: LocalDate;
      readonly unused: Minutes;
      readonly next: NextPack | null;
    }
  | {
      readonly kind: 'run_out';
      /** Projected first day without hours. */
      readonly on: LocalDate;
      /** Average use per day over `basisDays` (minutes, fractional). */
      readonly minutesPerDay: number;
      readonly basisDays: number;
      /** The pack expires before it would run out (the rest is lost on `expiresOn`). */
      readonly expiresFirst: boolean;
    };

export interface StatementPack {
  readonly packId: PackId;
  readonly name: string;
  readonly purchasedOn: LocalDate;
  readonly purchased: Minutes;
  /** First day the pack can no longer be used; null = never expires. */
  readonly expiresOn: LocalDate | null;
  readonly opening: Minutes;
  readonly drawn: Minutes;
  readonly closing: Minutes;
  readonly drawdowns: readonly PackDrawdown[];
  /** The balance from the start of the period (or purchase) through each drawdown day. */
  readonly burnDown: readonly BurnDownPoint[];
  readonly projection: PackProjection;
}

/** Held time of one ticket for one reason, summed over its lines. */
export interface StatementReviewGroup {
  readonly ticketNumber: string;
  readonly ticketName: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly lines: number;
  readonly minutes: Minutes;
  /** In words for the customer (see customer-reasons.ts). */
  readonly reason: string;
}

export interface StatementFee {
  readonly label: string;
  readonly amount: MinorUnits;
}

/** One customer's statement for one period: plain data, rendered by `render/`. */
export interface Statement {
  readonly customer: { readonly id: CustomerId; readonly name: string };
  /** `<customer-slug>-<id>.html` */
  readonly fileName: string;
  readonly period: Period;
  readonly first: LocalDate;
  readonly last: LocalDate;
  readonly timeZone: string;
  readonly currency: { readonly code: CurrencyCode; readonly decimals: number };
  readonly coverage: readonly CoverageSlice[];
  readonly tickets: readonly StatementTicket[];
  readonly fees: readonly StatementFee[];
  readonly packs: readonly StatementPack[];
  readonly review: readonly StatementReviewGroup[];
  /** Events and configuration problems, one sentence each. */
  readonly notices: readonly string[];
  readonly minimumPerRequest: Minutes;
  readonly totals: {
    readonly logged: Minutes;
    readonly covered: Minutes;
    readonly drawn: Minutes;
    readonly invoiced: Minutes;
    readonly review: Minutes;
    readonly timeAmount: MinorUnits;
    readonly feeAmount: MinorUnits;
    readonly amount: MinorUnits;
  };
}
