/** Packs on the statement: dated drawdowns, the burn-down and the projected run-out date. */
import type { PackBalance } from '../../../../src/domain';
import { localDate, minutes, packId, ticketId } from '../../../../src/domain';
import { projectPack } from '../../../../src/report/statement/pack-rows';
import { aLine, aPack, aTicket } from '../../domain/builders';
import { statementOf } from './statement-builders';

const tickets = [
  aTicket({ id: ticketId(1), number: 'HT00001', categoryName: 'Bug fix' }),
  aTicket({ id: ticketId(2), number: 'HT00002', categoryName: 'User support' }),
];

describe('packRows', () => {
  const statement = statementOf({
    tickets,
    lines: [
      aLine({ id: 1, ticketId: 1, minutes: 60, date: '2025-11-03' }),
      aLine({ id: 2, ticketId: 2, minutes: 10, date: '2025-11-05' }),
      aLine({ id: 3, ticketId: 1, minutes: 30, date: '2025-11-10' }),
    ],
    packs: [aPack(5, 5, '2025-09-01')],
  });
  const [pack] = statement.packs;

  it('lists the purchase, the balances and each drawdown by day, the minimum on its last line', () => {
    expect(pack).toMatchObject({
      name: 'SUPPORT-PACK (S00005)',
      purchasedOn: '2025-09-01',
      purchased: 300,
      expiresOn: null,
      opening: 300,
      drawn: 120,
      closing: 180,
    });
    expect(pack?.drawdowns).toEqual([
      { date: '2025-11-03', ticketNumber: 'HT00001', minutes: 60, balanceAfter: 240 },
      { date: '2025-11-05', ticketNumber: 'HT00002', minutes: 30, balanceAfter: 210 },
      { date: '2025-11-10', ticketNumber: 'HT00001', minutes: 30, balanceAfter: 180 },
    ]);
  });

  it('draws the burn-down from the start of the month through each day to its end', () => {
    expect(pack?.burnDown).toEqual([
      { date: '2025-11-01', balance: 300 },
      { date: '2025-11-03', balance: 240 },
      { date: '2025-11-05', balance: 210 },
      { date: '2025-11-10', balance: 180 },
      { date: '2025-11-30', balance: 180 },
    ]);
  });

  it("projects the run-out from the month's pace: 120 min in 30 days lasts 45 more days", () => {
    expect(pack?.projection).toEqual({
      kind: 'run_out',
      on: '2026-01-14',
      minutesPerDay: 4,
      basisDays: 30,
      expiresFirst: false,
    });
  });

  it('leaves out packs bought after the month or expired before it', () => {
    const later = statementOf({
      tickets,
      lines: [aLine({ ticketId: 1, minutes: 60 })],
      packs: [aPack(6, 5, '2025-12-01'), aPack(7, 5, '2024-01-01', '2025-11-01')],
    });
    expect(later.packs).toEqual([]);
  });

  it('ends the burn-down at zero on the expiry day of a pack expiring in the month', () => {
    const expiring = statementOf({
      tickets,
      lines: [aLine({ ticketId: 1, minutes: 60, date: '2025-11-03' })],
      packs: [aPack(8, 5, '2024-11-15', '2025-11-15')],
    });
    expect(expiring.packs[0]?.burnDown.at(-1)).toEqual({ date: '2025-11-15', balance: 0 });
    expect(expiring.packs[0]?.projection).toEqual({
      kind: 'expired',
      on: '2025-11-15',
      unused: 240,
      next: null,
    });
  });
});

const balance = (overrides: Partial<PackBalance>): PackBalance => ({
  packId: packId(1),
  name: 'Pack',
  opening: minutes(600),
  drawn: minutes(300),
  closing: minutes(300),
  expiresOn: null,
  ...overrides,
});

const PROJECTIONS: readonly [string, Partial<PackBalance>, string, unknown][] = [
  [
    'no use this month',
    { drawn: minutes(0), closing: minutes(600) },
    '2025-11-01',
    { kind: 'no_use' },
  ],
  [
    'used up',
    { drawn: minutes(600), closing: minutes(0) },
    '2025-11-01',
    { kind: 'used_up', next: null },
  ],
  [
    'expires the day after the month',
    { expiresOn: localDate('2025-12-01') },
    '2025-11-01',
    { kind: 'expired', on: '2025-12-01', unused: 300, next: null },
  ],
  [
    'half used in 30 days: runs out 30 days after the month',
    {},
    '2025-11-01',
    { kind: 'run_out', on: '2025-12-30', minutesPerDay: 10, basisDays: 30, expiresFirst: false },
  ],
  [
    'bought mid-month: the pace counts from the purchase',
    {},
    '2025-11-16',
    { kind: 'run_out', on: '2025-12-15', minutesPerDay: 20, basisDays: 15, expiresFirst: false },
  ],
  [
    'expires before it would run out',
    { expiresOn: localDate('2025-12-10') },
    '2025-11-01',
    { kind: 'run_out', on: '2025-12-30', minutesPerDay: 10, basisDays: 30, expiresFirst: true },
  ],
];

describe('projectPack', () => {
  it.each(PROJECTIONS)('%s', (_name, overrides, start, expected) => {
    expect(
      projectPack(balance(overrides), localDate(start), localDate('2025-11-30'), null),
    ).toEqual(expected);
  });
});
