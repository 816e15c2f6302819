import type { CompanyContext, CustomerFacts } from '../domain/facts';
import { decimalToMinorUnits } from '../domain/money';
import { periodBounds } from '../domain/periods';
import type { PlanInput } from '../domain/invoice-plan';
import type { EngineSettings } from '../domain/settings';
import { hoursToMinutes } from '../domain/time-units';
import type { LocalDate, MinorUnits, Minutes, Period } from '../domain/types';
import { localDate, minutes, ticketId } from '../domain/types';
import { agreementsFromBillingStart } from '../domain/billing-start';
import type { SourcesConfig } from '../config/agreements.schema';
import { detectFieldProfile, fieldNamesVia } from '../odoo/profiles/detect-profile';
import type { FieldProfile } from '../odoo/profiles/field-profile';
import type { AnalyticLine } from '../odoo/records/analytic-line';
import type { Product } from '../odoo/records/product';
import { SyncSetupError } from './errors';
import type { SyncProblem } from './map/mapped';
import type { OdooReader } from './read/odoo-reader';
import { PartnerDirectory } from './read/partner-directory';
import { readCompany } from './read/read-company';
import { readAgreements } from './read/read-agreements';
import { readCustomers } from './read/read-customers';
import { readPacks, type PackSaleLine } from './read/read-packs';
import { readProductsByCode } from './read/read-products';
import {
  mapTimesheets,
  readEarlierTimesheets,
  readPeriodTimesheets,
  readTickets,
} from './read/read-work';
import type { LoadedAgreements } from '../config/load-agreements';

/** What the period reader needs from the agreements config. */
export interface ReadPeriodConfig {
  readonly settings: EngineSettings;
  readonly sources: SourcesConfig;
  /** Decimals of the company currency (the config's `currencyDecimals`). */
  readonly currencyDecimals: number;
  /** IANA zone of the company; default: the Odoo user's tz, else Europe/Stockholm. */
  readonly timeZone?: string;
  /** Login told of held work no assignee or team leader takes; null/absent: the Tally user. */
  readonly reviewerLogin?: string | null;
  /** `billing.startDate`: no agreement is active before it; null/absent: none. */
  readonly billingStartDate?: string | null;
}

/** The sync's view of a loaded agreements config. */
export function readPeriodConfigOf(
  agreements: Pick<LoadedAgreements, 'config' | 'settings' | 'sources'>,
): ReadPeriodConfig {
  return {
    settings: agreements.settings,
    sources: agreements.sources,
    currencyDecimals: agreements.config.currencyDecimals,
    reviewerLogin: agreements.config.notices.reviewer,
    billingStartDate: agreements.config.billing.startDate,
    ...(agreements.config.timeZone === null ? {} : { timeZone: agreements.config.timeZone }),
  };
}

export interface ReadPeriodOptions {
  readonly period: Period;
  /** Read only this commercial partner (Odoo id). */
  readonly customerId?: number;
  /** The field profile, when already detected (saves four `fields_get` calls). */
  readonly profile?: FieldProfile;
  /** The company and its zone, when already read (saves two round trips). */
  readonly company?: CompanyContext;
  /**
   * Tickets to plan even without work in the period: those already on the period's drafts, and
   * those whose earlier time changed after their own period's invoice was posted (corrections).
   */
  readonly extraTicketIds?: readonly number[];
}

/** Odoo records the writer needs besides the facts. */
export interface PeriodOdooRefs {
  /** The hourly product (the config's `hourlyProductCode`); null when it does not exist. */
  readonly hourlyProductId: number | null;
  /** The hourly product's customer taxes (the monthly fee lines get the same). */
  readonly hourlyProductTaxIds: readonly number[];
  readonly packSaleLines: readonly PackSaleLine[];
  /** The period's timesheets as read (with Tally's current marks), for the writer's diff. */
  readonly timesheets: readonly AnalyticLine[];
  /** The earlier timesheets of the period's tickets, as read (their stamps, for corrections). */
  readonly earlierTimesheets: readonly AnalyticLine[];
}

/**
 * Everything the rules engine needs to plan one period, as domain facts: a `PlanInput` for every
 * customer at once (the billing history is derived when planning).
 */
export interface PeriodFacts extends Omit<PlanInput, 'customer' | 'history'> {
  readonly customers: readonly CustomerFacts[];
  /** Records that could not become facts; the rest of the period is still read. */
  readonly problems: readonly SyncProblem[];
  readonly odoo: PeriodOdooRefs;
}

/**
 * Reads one period from Odoo in batched, paged calls: round trips grow with pages and batches of
 * 200 ids, never with records. Agreements come from the source the config selects; customers
 * without an agreement in the period and with no work are not read.
 */
export async function readPeriod(
  reader: OdooReader,
  config: ReadPeriodConfig,
  options: ReadPeriodOptions,
): Promise<PeriodFacts> {
  const company = options.company ?? (await readCompany(reader, config.timeZone));
  const profile = options.profile ?? (await detectFieldProfile(fieldNamesVia(reader)));
  const bounds = periodBounds(options.period);
  const companyId = Number(company.id);
  const partners = new PartnerDirectory(reader);

  const { period, tickets, earlier, work, read } = await readWork(
    reader,
    profile,
    { bounds, companyId, partners },
    options,
  );

  const agreementsRead = await readPeriodAgreements(reader, partners, config, {
    timeZone: company.timeZone,
    profile,
    ...(options.customerId === undefined ? {} : { customerId: options.customerId }),
  });
  const customersRead = await readCustomers(
    partners,
    agreementsRead,
    tickets.flatMap((ticket) => (ticket.customerId === null ? [] : [Number(ticket.customerId)])),
    {
      bounds,
      ...(options.customerId === undefined ? {} : { onlyCustomer: options.customerId }),
    },
  );
  const products = await readProductsByCode(reader, [
    ...config.settings.prepaid.products.map((product) => product.productCode),
    config.sources.hourlyProductCode,
  ]);
  const packs = await readPacks(reader, partners, {
    profile,
    definitions: config.settings.prepaid.products,
    products: products.byCode,
    customerIds: new Set(customersRead.customers.map((customer) => Number(customer.id))),
    timeZone: company.timeZone,
    linkedInPeriod: linkedMinutes(period.lines),
  });

  return {
    period: options.period,
    company,
    customers: customersRead.customers,
    tickets,
    lines: work.lines,
    agreements: customersRead.agreements,
    packs: packs.packs,
    defaultHourlyRate: hourlyRate(config, products.byCode),
    odoo: {
      hourlyProductId: products.byCode.get(config.sources.hourlyProductCode)?.id ?? null,
      hourlyProductTaxIds: products.byCode.get(config.sources.hourlyProductCode)?.taxes_id ?? [],
      packSaleLines: packs.saleLines,
      timesheets: period.lines,
      earlierTimesheets: earlier.lines,
    },
    problems: [
      ...period.problems,
      ...read.problems,
      ...earlier.problems,
      ...work.problems,
      ...customersRead.problems,
      ...products.problems,
      ...packs.problems,
      ...partners.problems,
    ],
  };
}

/** The agreements of the config's source, none active before `billing.startDate`. */
async function readPeriodAgreements(
  reader: OdooReader,
  partners: PartnerDirectory,
  config: ReadPeriodConfig,
  scope: { timeZone: string; profile: FieldProfile; customerId?: number },
) {
  const read = await readAgreements(reader, partners, {
    source: config.sources.tier,
    fees: { settings: config.settings, currencyDecimals: config.currencyDecimals },
    timeZone: scope.timeZone,
    profile: scope.profile,
    ...(scope.customerId === undefined ? {} : { onlyCustomer: scope.customerId }),
  });
  return {
    ...read,
    agreements: agreementsFromBillingStart(
      read.agreements,
      config.billingStartDate == null ? null : localDate(config.billingStartDate),
    ),
  };
}

/**
 * The period's timesheets, their tickets (and those asked for), and the earlier timesheets of
 * those tickets (the per-request minimum counts a ticket's whole history), as work lines.
 */
async function readWork(
  reader: OdooReader,
  profile: FieldProfile,
  scope: {
    bounds: { first: LocalDate; last: LocalDate };
    companyId: number;
    partners: PartnerDirectory;
  },
  options: ReadPeriodOptions,
) {
  const { bounds, companyId } = scope;
  const period = await readPeriodTimesheets(reader, profile, bounds, companyId, options.customerId);
  const read = await readTickets(
    reader,
    profile,
    [
      ...period.lines.flatMap((line) => line.ticket_id?.id ?? []),
      ...(options.extraTicketIds ?? []),
    ],
    scope.partners,
  );
  const tickets = read.tickets.filter(
    (ticket) =>
      options.customerId === undefined || ticket.customerId === String(options.customerId),
  );
  const keep = new Set(tickets.map((ticket) => ticket.id));
  const earlier = await readEarlierTimesheets(
    reader,
    profile,
    tickets.map((ticket) => Number(ticket.id)),
    bounds.first,
    companyId,
  );
  const work = mapTimesheets(
    [...period.lines, ...earlier.lines].filter(
      (line) => line.ticket_id === null || keep.has(ticketId(line.ticket_id.id)),
    ),
  );
  return { period, tickets, earlier, work, read };
}

/** Minutes of the period's lines per linked sale line. */
function linkedMinutes(lines: readonly AnalyticLine[]): Map<number, Minutes> {
  const linked = new Map<number, Minutes>();
  for (const line of lines) {
    if (line.so_line === null) continue;
    const time = hoursToMinutes(line.unit_amount, 'nearest_minute');
    linked.set(line.so_line.id, minutes((linked.get(line.so_line.id) ?? 0) + time));
  }
  return linked;
}

/** The config's hourly rate, else the sales price of the hourly product. */
function hourlyRate(config: ReadPeriodConfig, products: ReadonlyMap<string, Product>): MinorUnits {
  if (config.settings.billing.hourlyRate !== null) return config.settings.billing.hourlyRate;
  const code = config.sources.hourlyProductCode;
  const product = products.get(code);
  const rate =
    product === undefined
      ? null
      : decimalToMinorUnits(
          product.list_price.toFixed(config.currencyDecimals),
          config.currencyDecimals,
        );
  if (rate === null) {
    throw new SyncSetupError(
      `No hourly rate: set billing.hourlyRate in the config or create a product with internal reference "${code}".`,
      { details: { productCode: code } },
    );
  }
  return rate;
}
