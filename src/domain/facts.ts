import type {
  CompanyId,
  CurrencyCode,
  CustomerId,
  LocalDate,
  MinorUnits,
  Minutes,
  PackId,
  TicketId,
  TierKey,
  TimesheetId,
} from './types';

/**
 * Plain inputs of the engine, built by `src/sync/map` from Odoo records. No Odoo field names here.
 */

/** The company whose invoices are planned: the boundary every record must stay inside. */
export interface CompanyContext {
  readonly id: CompanyId;
  readonly currency: CurrencyCode;
  /** IANA time zone, e.g. "Europe/Stockholm"; periods are calendar months in it. */
  readonly timeZone: string;
}

/** A customer (Odoo commercial partner) as far as billing cares. */
export interface CustomerFacts {
  readonly id: CustomerId;
  readonly name: string;
  /** The customer's company; null = shared between companies. */
  readonly companyId: CompanyId | null;
  /** The currency the customer is invoiced in (its pricelist); null = the company currency. */
  readonly currency: CurrencyCode | null;
}

export interface TicketFacts {
  readonly id: TicketId;
  /** Human reference, e.g. "HT00028". */
  readonly number: string;
  readonly name: string;
  readonly description: string;
  /** The commercial partner of the ticket's customer; null when the ticket has none. */
  readonly customerId: CustomerId | null;
  readonly companyId: CompanyId;
  readonly categoryName?: string | null;
  readonly typeName?: string | null;
  readonly tagNames: readonly string[];
  readonly teamName?: string | null;
}

/** A timesheet line logged on a ticket. */
export interface WorkLine {
  readonly id: TimesheetId;
  readonly ticketId: TicketId;
  readonly date: LocalDate;
  readonly minutes: Minutes;
  readonly description: string;
  readonly companyId: CompanyId;
}

/** An effective-dated agreement of a customer, from whichever source the config selects. */
export interface Agreement {
  /** Stable id within its source, e.g. "partner_tags:45:patch" or "contract:12". */
  readonly id: string;
  readonly customerId: CustomerId;
  readonly tier: TierKey;
  /** First valid day; null = since always (partner tags carry no dates). */
  readonly validFrom: LocalDate | null;
  /** Last valid day, inclusive; null = open-ended. */
  readonly validTo: LocalDate | null;
  /** Where it came from, for explanations: "partner tag", "contract C0012", ... */
  readonly source: string;
  /** Monthly fee agreed for this customer; null/absent = the tier's configured fee. */
  readonly monthlyFee?: MinorUnits | null;
}

/** A prepaid pack as of the start of the planned period. */
export interface PrepaidPack {
  readonly id: PackId;
  readonly customerId: CustomerId;
  /** Human reference for labels, e.g. "SUPPORT-PACK-25 (S00042)". */
  readonly name: string;
  readonly purchased: Minutes;
  /**
   * What is left before the planned period: purchased minus drawdowns of *earlier* periods only,
   * so re-planning a period (whose own drawdowns may already be written) is idempotent.
   */
  readonly openingBalance: Minutes;
  /** The order date: work dated before it cannot draw from the pack. */
  readonly startDate: LocalDate;
  /** First day the pack can no longer be used; null = never expires. */
  readonly expiresOn: LocalDate | null;
}

/** What earlier periods billed for a ticket (from earlier drafts and posted invoices). */
export interface TicketBillingHistory {
  readonly ticketId: TicketId;
  /** Billed minutes (drawn + invoiced, after minimums and rounding) in periods before the planned one. */
  readonly billedBefore: Minutes;
}
