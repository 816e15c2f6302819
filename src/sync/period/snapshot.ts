import type { CompanyContext } from '../../domain/facts';
import { parseLineKey } from '../../domain/line-key';
import type { Period } from '../../domain/types';
import { MODELS } from '../../odoo/models';
import { detectFieldProfile, fieldNamesVia } from '../../odoo/profiles/detect-profile';
import type { FieldProfile } from '../../odoo/profiles/field-profile';
import { readBillingState, withDraftCustomers, type BillingState } from '../billing-state';
import { TallyFieldsMissingError } from '../errors';
import type { SyncProblem } from '../map/mapped';
import { readPeriod, type PeriodFacts, type ReadPeriodConfig } from '../read-period';
import type { OdooReader } from '../read/odoo-reader';
import { readNoticeTargets, type NoticeTargets } from '../read/read-notice-targets';
import { readReviewerUid } from '../read/read-reviewer';
import { readPeriodInvoices, type TallyInvoices } from '../read/read-tally-invoices';

/** Everything one period's sync reads from Odoo, before it plans anything. */
export interface PeriodSnapshot {
  readonly profile: FieldProfile;
  /** Whether timesheets have sale_timesheet's `timesheet_invoice_id` to link to the draft. */
  readonly linkTimesheetInvoice: boolean;
  /** Tally's invoices of the period, with their lines. */
  readonly current: TallyInvoices;
  /** The period's facts, every customer with a draft included. */
  readonly facts: PeriodFacts;
  /** What earlier billing says: the ledger, invoiced and closed months, packs' earlier use. */
  readonly billing: BillingState & { readonly problems: readonly SyncProblem[] };
  /** Who hears of what: assignees, team leaders, the reviewer, notices already given. */
  readonly noticeTargets: NoticeTargets;
}

/** Profiles whose database was already found to have Tally's fields (a run syncs several months). */
const checkedProfiles = new WeakSet<FieldProfile>();

/** The Tally fields a sync cannot work without (created by `tally setup`), by model. */
const REQUIRED_TALLY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  [MODELS.accountMove]: ['x_tally_key', 'x_tally_timesheet_ids'],
  [MODELS.accountMoveLine]: ['x_tally_key', 'x_tally_timesheet_ids', 'x_tally_ticket_id'],
  [MODELS.analyticLine]: [
    'x_tally_coverage',
    'x_tally_invoice_line_id',
    'x_tally_move_id',
    'x_tally_stamp',
  ],
  [MODELS.helpdeskTicket]: ['x_tally_review', 'x_tally_notices'],
};

/**
 * Reads one period: Tally's invoices of it first (their tickets are planned even without work in
 * the period), then the facts, the billing history and the notice targets, in batched calls.
 */
export async function readPeriodSnapshot(
  client: OdooReader,
  config: ReadPeriodConfig,
  options: {
    readonly period: Period;
    readonly customerId?: number;
    readonly profile?: FieldProfile;
    readonly company?: CompanyContext;
    readonly extraTicketIds?: readonly number[];
  },
): Promise<PeriodSnapshot> {
  const profile = options.profile ?? (await detectFieldProfile(fieldNamesVia(client)));
  await ensureTallyFields(client, profile);
  const linkTimesheetInvoice = (profile.fieldsByModel[MODELS.analyticLine] ?? []).includes(
    'timesheet_invoice_id',
  );
  const current = await readPeriodInvoices(client, options.period, options.customerId, {
    withTimesheetInvoiceLinks: linkTimesheetInvoice,
  });
  const facts = withDraftCustomers(
    await readPeriod(client, config, {
      period: options.period,
      ...(options.company !== undefined ? { company: options.company } : {}),
      ...(options.customerId !== undefined ? { customerId: options.customerId } : {}),
      profile,
      extraTicketIds: [...ticketsOnDrafts(current), ...(options.extraTicketIds ?? [])],
    }),
    current.moves,
  );
  const billing = await readBillingState(client, facts, options.period);
  const noticeTargets = await readNoticeTargets(
    client,
    facts.tickets.map((ticket) => Number(ticket.id)),
    facts.customers.map((customer) => Number(customer.id)),
    {
      teamModel: profile.teamModel,
      teamLeaderField: profile.teamLeaderField,
      reviewerUid: await readReviewerUid(client, config.reviewerLogin),
    },
  );
  return { profile, linkTimesheetInvoice, current, facts, billing, noticeTargets };
}

function ticketsOnDrafts(current: TallyInvoices): number[] {
  return current.lines.flatMap((line) => {
    const key = line.x_tally_key === null ? null : parseLineKey(line.x_tally_key);
    return key?.ticketId == null ? [] : [Number(key.ticketId)];
  });
}

async function ensureTallyFields(client: OdooReader, profile: FieldProfile): Promise<void> {
  if (checkedProfiles.has(profile)) return;
  const missing: string[] = [];
  for (const [model, fields] of Object.entries(REQUIRED_TALLY_FIELDS)) {
    const known =
      profile.fieldsByModel[model] ?? Object.keys(await client.model(model).fieldsGet(['type']));
    missing.push(...fields.filter((field) => !known.includes(field)).map((f) => `${model}.${f}`));
  }
  if (missing.length > 0) {
    throw new TallyFieldsMissingError(
      `Tally's fields are missing in Odoo (${missing.join(', ')}): run \`tally setup\` once with a user in Administration / Settings.`,
      { details: { missing } },
    );
  }
  checkedProfiles.add(profile);
}
