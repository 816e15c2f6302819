import { CATEGORY_WORK, type DemoTier } from './catalogue';
import { CUSTOMERS, type DemoCustomerSpec, type DemoPackSpec } from './roster';

/** The months the demo company's work is logged in. */
export const DEMO_MONTHS = ['2026-08', '2026-09', '2026-10'] as const;

export const DEMO_COMPANY_NAME = 'Nordsupport AB';

/** The PRNG seed of the shipped demo; other seeds give other, equally valid companies. */
export const DEFAULT_DEMO_SEED = 20261031;

/** A pack as sold: the order and its line have seed refs. */
export interface DemoPack extends DemoPackSpec {
  readonly customerRef: string;
  readonly orderRef: string;
  /** Seed ref of the sale order line (timesheets link to it as `so_line`). */
  readonly lineRef: string;
}

export interface DemoTicket {
  readonly ref: string;
  readonly customerRef: string;
  /** The company partner or its contact person (tickets are often opened by a person). */
  readonly partnerRef: string;
  readonly name: string;
  /** A category label of the default config; null = the ticket names none (unclassifiable). */
  readonly category: string | null;
  readonly openedOn: string;
}

export interface DemoLine {
  readonly ticketRef: string;
  readonly description: string;
  readonly hours: number;
  readonly date: string;
  /** STAFF key of the employee who logged it. */
  readonly employee: string;
  /** Sale line ref of the pack this (earlier) line was delivered on; null for the rest. */
  readonly packLineRef: string | null;
}

/** The demo company as plain data: turned into seed steps by `demoCompanySeed`. */
export interface DemoCompany {
  readonly name: string;
  readonly months: readonly string[];
  readonly categories: readonly string[];
  readonly customers: readonly DemoCustomerSpec[];
  readonly packs: readonly DemoPack[];
  readonly tickets: readonly DemoTicket[];
  readonly lines: readonly DemoLine[];
}

/** The strongest agreement a customer's tags give (Maintenance without Patch stays Maintenance). */
export function tierOf(customer: DemoCustomerSpec): DemoTier {
  if (customer.tags.includes('maintenance')) return 'maintenance';
  return customer.tags.includes('patch') ? 'patch' : 'on_demand';
}

export const categoryLabels = (): string[] => CATEGORY_WORK.map((work) => work.label);

/** Every pack of the roster with its refs. */
export function demoPacks(): DemoPack[] {
  return CUSTOMERS.flatMap((customer) =>
    customer.packs.map((pack, index) => ({
      ...pack,
      customerRef: customer.ref,
      orderRef: `order_${customer.ref}_${index + 1}`,
      lineRef: `pack_line_${customer.ref}_${index + 1}`,
    })),
  );
}
