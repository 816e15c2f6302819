import {
  minutes,
  planInvoice,
  packPurchasedMinutes,
  packExpiry,
  localDate,
} from '../../../src/domain';
import { aLine, aPack, aPlanInput, aTicket, defaultSettings } from './builders';

const tickets = [aTicket({ categoryName: 'Bug fix' })];

describe('prepaid drawdown', () => {
  it('draws across two packs, soonest-expiring first, then bills the overage', () => {
    const packs = [
      aPack(1, 2, '2025-01-01'), // never expires
      aPack(2, 1, '2025-06-01', '2025-12-01'), // expires first
    ];
    const plan = planInvoice(
      aPlanInput({ tickets, packs, lines: [aLine({ id: 1, minutes: 240 })] }),
      defaultSettings,
    );
    const lines = plan.sections[0]?.lines ?? [];
    expect(lines.map((line) => [line.kind, line.packId, line.minutes, line.amount])).toEqual([
      ['drawdown', '1', 120, 0],
      ['drawdown', '2', 60, 0],
      ['billed', null, 60, 100000],
    ]);
    expect(lines[1]?.label).toBe('Prepaid SUPPORT-PACK (S00002): 1.00 h drawn, 0.00 h left');
    expect(plan.packBalances.map((balance) => [balance.packId, balance.closing])).toEqual([
      ['2', 0],
      ['1', 0],
    ]);
  });

  it('prefers the oldest pack when expiry is the same', () => {
    const packs = [aPack(5, 10, '2025-03-01'), aPack(4, 10, '2025-02-01')];
    const plan = planInvoice(
      aPlanInput({ tickets, packs, lines: [aLine({ minutes: 60 })] }),
      defaultSettings,
    );
    expect(plan.packBalances.map((balance) => [balance.packId, balance.drawn])).toEqual([
      ['4', 60],
      ['5', 0],
    ]);
  });

  it('skips expired packs and packs bought after the work', () => {
    const packs = [
      aPack(1, 10, '2025-01-01', '2025-11-05'), // expired before the line
      aPack(2, 10, '2025-11-20'), // bought after the line
    ];
    const plan = planInvoice(
      aPlanInput({ tickets, packs, lines: [aLine({ date: '2025-11-10', minutes: 60 })] }),
      defaultSettings,
    );
    expect(plan.totals).toMatchObject({ drawn: 0, invoiced: 60 });
  });

  it('uses a pack for lines before its expiry and not after, within one month', () => {
    const packs = [aPack(1, 10, '2025-01-01', '2025-11-15')];
    const lines = [
      aLine({ id: 1, date: '2025-11-14', minutes: 60 }),
      aLine({ id: 2, date: '2025-11-15', minutes: 60 }),
    ];
    const plan = planInvoice(aPlanInput({ tickets, packs, lines }), defaultSettings);
    expect(plan.totals).toMatchObject({ drawn: 60, invoiced: 60 });
  });

  it('never takes a pack below zero, even from a negative opening balance', () => {
    const packs = [aPack(1, 1, '2025-01-01', null, { openingBalance: minutes(-30) })];
    const plan = planInvoice(
      aPlanInput({ tickets, packs, lines: [aLine({ minutes: 90 })] }),
      defaultSettings,
    );
    expect(plan.packBalances[0]).toMatchObject({ opening: 0, closing: 0, drawn: 0 });
    expect(plan.totals.invoiced).toBe(90);
  });

  it('draws the per-request minimum from the pack too', () => {
    const packs = [aPack(1, 1, '2025-01-01')];
    const plan = planInvoice(
      aPlanInput({ tickets, packs, lines: [aLine({ minutes: 10 })] }),
      defaultSettings,
    );
    expect(plan.totals).toMatchObject({ drawn: 30, invoiced: 0 });
  });

  it('reports the low-balance crossing once, as an event', () => {
    const packs = [aPack(1, 6, '2025-01-01')];
    const plan = planInvoice(
      aPlanInput({ tickets, packs, lines: [aLine({ minutes: 120 })] }),
      defaultSettings,
    );
    expect(plan.events).toEqual([
      {
        kind: 'prepaid_low_balance',
        customerId: '45',
        openingMinutes: 360,
        closingMinutes: 240,
        thresholdMinutes: 300,
      },
    ]);
    const already = [aPack(1, 4, '2025-01-01')];
    const again = planInvoice(
      aPlanInput({ tickets, packs: already, lines: [aLine({ minutes: 60 })] }),
      defaultSettings,
    );
    expect(again.events).toEqual([]);
  });

  it.each([
    ['one unit of a 25 h pack', 1, null, 1500],
    ['three units of a 25 h pack', 3, null, 4500],
    ['sold in Hours: the quantity is the hours', 10, 1, 600],
    ['sold in Days of 8 h', 2, 8, 960],
  ])('%s', (_name, quantity, hoursPerUom, expected) => {
    const [product] = defaultSettings.prepaid.products;
    expect(packPurchasedMinutes(product!, quantity, hoursPerUom)).toBe(expected);
  });

  it('computes expiry in calendar months from the order date', () => {
    expect(packExpiry(localDate('2025-01-31'), 1)).toBe('2025-02-28');
    expect(packExpiry(localDate('2025-03-10'), 12)).toBe('2026-03-10');
    expect(packExpiry(localDate('2025-03-10'), null)).toBeNull();
  });
});
