import type { PackProductDefinition } from '../../../../src/domain/settings';
import { customerId, minutes, type Minutes } from '../../../../src/domain/types';
import { mapPack } from '../../../../src/sync/map/map-pack';
import type { SaleOrder } from '../../../../src/odoo/records/context-records';
import { aSaleLine } from './odoo-rows';

const PACK_25: PackProductDefinition = {
  productCode: 'SUPPORT-PACK-25',
  minutesPerUnit: minutes(25 * 60),
  expiryMonths: 12,
};
const ORDER: SaleOrder = { id: 9, name: 'S00009', date_order: '2026-01-31 23:30:00' };

function context(overrides: { linkedInPeriod?: Minutes; product?: PackProductDefinition } = {}) {
  return {
    product: PACK_25,
    order: ORDER,
    customerId: customerId(44),
    timeZone: 'Europe/Stockholm',
    linkedInPeriod: minutes(0),
    ...overrides,
  };
}

describe('mapPack', () => {
  it.each([
    { case: '1 unit of a 25 h pack', row: { product_uom_qty: 1 }, purchased: 1500 },
    { case: '2 units of a 25 h pack', row: { product_uom_qty: 2 }, purchased: 3000 },
    {
      case: '25 Hours (a time UoM counts its own hours)',
      row: { product_uom_qty: 25, product_uom_id: [4, 'Hours'] },
      purchased: 1500,
    },
    {
      case: '2 Days (8 h each)',
      row: { product_uom_qty: 2, product_uom_id: [5, 'Days'] },
      purchased: 960,
    },
    { case: 'no UoM (treated as units)', row: { product_uom_id: false }, purchased: 1500 },
  ])('purchased minutes: $case', ({ row, purchased }) => {
    const result = mapPack(aSaleLine(row), context());
    expect(result).toMatchObject({ ok: true, value: { purchased, openingBalance: purchased } });
  });

  it.each([
    { case: 'nothing delivered', delivered: 0, linked: 0, opening: 1500 },
    { case: '3 h delivered, all in earlier periods', delivered: 3, linked: 0, opening: 1320 },
    { case: '3 h delivered, 1 h of them this period', delivered: 3, linked: 60, opening: 1380 },
    { case: 'all delivered time is this period', delivered: 2, linked: 120, opening: 1500 },
    { case: 'overdrawn in earlier periods', delivered: 30, linked: 0, opening: -300 },
  ])('opening balance: $case', ({ delivered, linked, opening }) => {
    const result = mapPack(
      aSaleLine({ product_uom_qty: 25, product_uom_id: [4, 'Hours'], qty_delivered: delivered }),
      context({ linkedInPeriod: minutes(linked) }),
    );
    expect(result).toMatchObject({ ok: true, value: { openingBalance: opening } });
  });

  it('starts on the order day in the company zone and expires after the configured months', () => {
    // 23:30 UTC on 31 January is 1 February in Stockholm.
    expect(mapPack(aSaleLine(), context())).toEqual({
      ok: true,
      value: {
        id: '77',
        customerId: '44',
        name: 'SUPPORT-PACK-25 (S00009)',
        purchased: 1500,
        openingBalance: 1500,
        startDate: '2026-02-01',
        expiresOn: '2027-02-01',
      },
    });
  });

  it('never expires when the product has no expiry', () => {
    const result = mapPack(aSaleLine(), context({ product: { ...PACK_25, expiryMonths: null } }));
    expect(result).toMatchObject({ ok: true, value: { expiresOn: null } });
  });

  it.each([
    { field: 'product_uom_qty', row: { product_uom_qty: 0 } },
    { field: 'product_uom_qty', row: { product_uom_qty: -1 } },
  ])('rejects a line with a bad $field', ({ field, row }) => {
    expect(mapPack(aSaleLine({ id: 78, ...row }), context())).toMatchObject({
      ok: false,
      problem: { model: 'sale.order.line', recordId: 78, path: field },
    });
  });
});
