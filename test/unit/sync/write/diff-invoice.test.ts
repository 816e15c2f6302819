import type { TallyMoveLine } from '../../../../src/odoo/records/tally-invoice';
import type { DesiredLine } from '../../../../src/sync/write/desired-invoice';
import { diffInvoiceLines } from '../../../../src/sync/write/diff-invoice';

const desired = (key: string, overrides: Partial<DesiredLine> = {}): DesiredLine => ({
  key,
  displayType: 'product',
  ticketId: 12,
  name: `Line ${key}`,
  sequence: 10,
  productId: 3,
  quantity: 1.5,
  priceUnit: 950,
  discount: 0,
  timesheetIds: [],
  ...overrides,
});

const existing = (
  id: number,
  key: string | null,
  overrides: Partial<TallyMoveLine> = {},
): TallyMoveLine => ({
  id,
  move_id: 1,
  x_tally_key: key,
  display_type: 'product',
  name: `Line ${key}`,
  sequence: 10,
  product_id: { id: 3, name: 'Support hour' },
  quantity: 1.5,
  price_unit: 950,
  discount: 0,
  x_tally_timesheet_ids: [],
  x_tally_ticket_id: { id: 12, name: 'HT00012' },
  ...overrides,
});

describe('diffInvoiceLines', () => {
  it('makes no command when the draft already matches, within Odoo rounding', () => {
    const diff = diffInvoiceLines(
      [existing(1, 'a', { quantity: 1.5000001, price_unit: 949.999 })],
      [desired('a')],
      2,
    );
    expect(diff.commands).toEqual([]);
  });

  it.each([
    ['quantity', { quantity: 2 }, { quantity: 2 }],
    ['price', { priceUnit: 1000 }, { price_unit: 1000 }],
    ['discount', { discount: 100 as const }, { discount: 100 }],
    ['label', { name: 'Renamed' }, { name: 'Renamed' }],
    ['order', { sequence: 30 }, { sequence: 30 }],
    ['ticket', { ticketId: 13 }, { x_tally_ticket_id: 13 }],
  ])('updates only the changed %s', (_name, change, values) => {
    const diff = diffInvoiceLines([existing(1, 'a')], [desired('a', change)], 2);
    expect(diff.commands).toEqual([[1, 1, values]]);
    expect(diff).toMatchObject({ created: 0, updated: 1, removed: 0 });
  });

  it('sets the ticket on a line written before Tally recorded it', () => {
    const diff = diffInvoiceLines(
      [existing(1, 'a', { x_tally_ticket_id: null })],
      [desired('a')],
      2,
    );
    expect(diff.commands).toEqual([[1, 1, { x_tally_ticket_id: 12 }]]);
  });

  it('releases a timesheet no draft of the run carries, and leaves one another draft took', () => {
    const line = existing(1, 'a', { x_tally_timesheet_ids: [11, 12] });
    const diff = diffInvoiceLines([line], [desired('a')], 2, new Map(), new Set([12]));
    expect(diff.commands).toEqual([[1, 1, { x_tally_timesheet_ids: [[3, 11]] }]]);
  });

  it('creates new keys with their timesheets linked, deletes keys no longer wanted', () => {
    const diff = diffInvoiceLines(
      [existing(1, 'old')],
      [desired('new', { timesheetIds: [11, 12] })],
      2,
    );
    expect(diff.commands).toEqual([
      [2, 1],
      [
        0,
        0,
        expect.objectContaining({
          x_tally_key: 'new',
          x_tally_timesheet_ids: [
            [4, 11],
            [4, 12],
          ],
        }),
      ],
    ]);
  });

  it('never touches a line added by hand (no key)', () => {
    const diff = diffInvoiceLines([existing(1, null), existing(2, 'a')], [desired('a')], 2);
    expect(diff.commands).toEqual([]);
  });

  it('deletes a duplicated key, keeping the oldest line', () => {
    const diff = diffInvoiceLines([existing(5, 'a'), existing(3, 'a')], [desired('a')], 2);
    expect(diff.commands).toEqual([[2, 5]]);
  });

  it('moves a timesheet between lines with a link only, never unlinking what another line takes', () => {
    const diff = diffInvoiceLines(
      [existing(1, 'a', { x_tally_timesheet_ids: [11, 12] }), existing(2, 'b')],
      [desired('a', { timesheetIds: [11] }), desired('b', { timesheetIds: [12] })],
      2,
    );
    expect(diff.commands).toEqual([[1, 2, { x_tally_timesheet_ids: [[4, 12]] }]]);
  });

  it('unlinks a timesheet no line of the invoice carries any more', () => {
    const diff = diffInvoiceLines(
      [existing(1, 'a', { x_tally_timesheet_ids: [11, 12] })],
      [desired('a', { timesheetIds: [11] })],
      2,
    );
    expect(diff.commands).toEqual([[1, 1, { x_tally_timesheet_ids: [[3, 12]] }]]);
  });
});
