/** A closed invoice as its period's plan: its own lines as Odoo holds them, its own timesheets. */
import { planInvoice, ticketId, type TicketId } from '../../../src/domain';
import type { TallyMove, TallyMoveLine } from '../../../src/odoo/records/tally-invoice';
import { closedPlans, invoicedPlan } from '../../../src/sync/invoiced-plan';
import {
  aLine,
  aPack,
  aPlanInput,
  aTicket,
  agreementsFor,
  defaultSettings,
} from '../domain/builders';

const KEY = 'tally:v1:45:2025-11';

/**
 * Acme's November with Patch and a 5 h pack, planned again today: 20 min of user support (1),
 * an hour logged on the same ticket after the invoice was posted (2), 1.5 h of covered patching
 * (3), a zero-hour line held for review (4) and 2 h of bug fixing paid from the pack (5).
 */
const replanned = planInvoice(
  aPlanInput({
    tickets: [
      aTicket({ id: ticketId(7), categoryName: 'User support' }),
      aTicket({ id: ticketId(8), categoryName: 'Patching' }),
      aTicket({ id: ticketId(9), categoryName: 'Bug fix' }),
    ],
    lines: [
      aLine({ id: 1, ticketId: 7, minutes: 20, date: '2025-11-10' }),
      aLine({ id: 2, ticketId: 7, minutes: 60, date: '2025-11-20' }),
      aLine({ id: 3, ticketId: 8, minutes: 90 }),
      aLine({ id: 4, ticketId: 7, minutes: 0 }),
      aLine({ id: 5, ticketId: 9, minutes: 120 }),
    ],
    agreements: agreementsFor('patch'),
    packs: [aPack(1, 5, '2025-01-01')],
  }),
  defaultSettings,
);

const move: TallyMove = {
  id: 50,
  name: 'INV/2025/00050',
  state: 'posted',
  partner_id: { id: 45, name: 'Acme AB' },
  x_tally_key: KEY,
  invoice_date: '2025-11-30',
  invoice_line_ids: [501, 502, 503, 504, 505, 506, 507, 508, 509],
  x_tally_timesheet_ids: [4],
  write_date: '2025-12-01 09:00:00',
};

let sequence = 0;
function line(
  id: number,
  key: string,
  name: string,
  values: Partial<TallyMoveLine> = {},
): TallyMoveLine {
  sequence += 10;
  return {
    id,
    move_id: move.id,
    x_tally_key: `${KEY}:${key}`,
    display_type: key.includes(':section:') ? 'line_section' : null,
    name,
    sequence,
    product_id: null,
    quantity: 0,
    price_unit: 0,
    discount: 0,
    x_tally_timesheet_ids: [],
    x_tally_ticket_id: null,
    ...values,
  };
}

/** The invoice as posted, before timesheet 2 was logged. */
const lines: TallyMoveLine[] = [
  line(501, '7:section:section', 'HT00007 - Something broke'),
  line(502, '7:billed:user_support', 'User support: billed hourly', {
    quantity: 0.33,
    price_unit: 950,
    x_tally_timesheet_ids: [1],
  }),
  line(503, '7:correction:user_support', 'Correction: User support (corrects INV/2025/00042)', {
    quantity: -1,
    price_unit: 950,
  }),
  line(504, '8:section:section', 'HT00008 - Something broke'),
  line(505, '8:covered:patching.patch', 'Patching: covered by Patch Agreement', {
    quantity: 1.5,
    price_unit: 950,
    discount: 100,
    x_tally_timesheet_ids: [3],
  }),
  line(506, '9:section:section', 'HT00009 - Something broke'),
  line(507, '9:drawdown:1', 'Prepaid SUPPORT-PACK (S00001): 2.00 h drawn, 3.00 h left', {
    quantity: 2,
    x_tally_timesheet_ids: [5],
  }),
  line(508, '-:section:fees', 'Monthly fees'),
  line(509, '-:fee:patch', 'Patch Agreement, monthly fee 2025-11', {
    quantity: 1,
    price_unit: 495,
  }),
  // A line of another invoice.
  { ...line(601, '7:billed:user_support', 'User support: billed hourly'), move_id: 60 },
];

const originsOf = (ticket: TicketId) => (ticket === ticketId(7) ? ['INV/2025/00042'] : []);

describe('invoicedPlan', () => {
  const { plan, outside } = invoicedPlan(replanned, { move, lines }, 2, originsOf);

  it('keeps the decisions of the timesheets the invoice holds; the rest is outside it', () => {
    expect(plan.decisions.map((decision) => decision.lineId).sort()).toEqual(['1', '3', '4', '5']);
    expect(outside.map((decision) => decision.lineId)).toEqual(['2']);
    expect(plan.reviewItems.map((item) => item.lineId)).toEqual(['4']);
  });

  it('shows the invoice’s own lines, priced as Odoo prices them (quantity × unit price)', () => {
    expect(
      plan.sections.map((section) => [
        section.ticketId,
        section.title,
        section.lines.map((entry) => [entry.kind, entry.minutes, entry.amount]),
      ]),
    ).toEqual([
      [
        '7',
        'HT00007 - Something broke',
        [
          ['billed', 20, 31_350],
          ['correction', -60, -95_000],
        ],
      ],
      ['8', 'HT00008 - Something broke', [['covered', 90, 0]]],
      ['9', 'HT00009 - Something broke', [['drawdown', 120, 0]]],
    ]);
    expect(plan.sections[0]?.lines[1]).toMatchObject({
      label: 'Correction: User support (corrects INV/2025/00042)',
      category: 'user_support',
      corrects: ['INV/2025/00042'],
    });
    expect(plan.sections[0]?.lines[0]).not.toHaveProperty('corrects');
    expect(plan.sections[1]?.lines[0]).toMatchObject({
      category: 'patching',
      tier: 'patch',
      discountPercent: 100,
      unitPrice: 95_000,
      timesheetIds: ['3'],
    });
    expect(plan.feeLines).toEqual([
      expect.objectContaining({ kind: 'fee', minutes: null, amount: 49_500, tier: 'patch' }),
    ]);
  });

  it('totals what the invoice holds, and draws the packs as it drew them', () => {
    expect(plan.totals).toEqual({
      logged: 20 + 90 + 0 + 120,
      covered: 90,
      billable: 20 + 120,
      review: 0,
      drawn: 120,
      invoiced: 20 - 60,
      adjustment: 120 + (20 - 60) - (20 + 120),
      amount: 31_350 - 95_000 + 49_500,
    });
    expect(plan.packBalances).toEqual([
      expect.objectContaining({ packId: '1', opening: 300, drawn: 120, closing: 180 }),
    ]);
  });
});

describe('closedPlans', () => {
  it('gives each closed customer its invoice as a plan, and skips a move it cannot find', () => {
    const closed = closedPlans(
      [{ plan: replanned }],
      [
        { customerId: 45, moveId: 50, name: 'INV/2025/00050', state: 'posted' },
        { customerId: 46, moveId: 70, name: null, state: 'cancel' },
      ],
      { moves: [move], lines },
      2,
      originsOf,
    );
    expect(closed.map((entry) => [entry.customerId, entry.invoice, entry.outside.length])).toEqual([
      ['45', { name: 'INV/2025/00050', state: 'posted' }, 1],
    ]);
  });
});
