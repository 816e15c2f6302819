import { localDate, minutes } from '../../../src/domain';
import { deriveHistory } from '../../../src/sync/derive-history';
import {
  COMPANY,
  CUSTOMER,
  aLine,
  aTicket,
  agreementsFor,
  defaultSettings,
  settingsWith,
} from '../domain/builders';

const JANUARY = localDate('2026-01-01');

function historyOf(
  lines: { date: string; minutes: number }[],
  tier: 'on_demand' | 'maintenance' = 'on_demand',
  settings = defaultSettings,
) {
  return deriveHistory(
    {
      company: COMPANY,
      customers: [CUSTOMER],
      tickets: [aTicket({ categoryName: 'User support' })],
      agreements: agreementsFor(tier),
      lines: lines.map((line, index) =>
        aLine({ id: index + 1, date: line.date, minutes: line.minutes }),
      ),
    },
    JANUARY,
    settings,
  );
}

describe('deriveHistory', () => {
  it.each([
    { case: 'no earlier lines', lines: [], billed: [] },
    { case: 'only lines of the period', lines: [{ date: '2026-01-05', minutes: 15 }], billed: [] },
    {
      case: '15 min in December bill the minimum',
      lines: [{ date: '2025-12-15', minutes: 15 }],
      billed: [30],
    },
    {
      case: 'earlier lines add up before the minimum',
      lines: [
        { date: '2025-11-03', minutes: 20 },
        { date: '2025-12-15', minutes: 25 },
        { date: '2026-01-02', minutes: 60 },
      ],
      billed: [45],
    },
  ])('$case → $billed', ({ lines, billed }) => {
    expect(historyOf(lines).map((entry) => entry.billedBefore)).toEqual(billed);
  });

  it('has no history for covered work (a missing ticket billed nothing)', () => {
    expect(historyOf([{ date: '2025-12-15', minutes: 90 }], 'maintenance')).toEqual([]);
  });

  it('rounds as configured before the minimum', () => {
    const settings = settingsWith({
      billing: { rounding: { increment: minutes(15), scope: 'request', mode: 'up' } },
    });
    expect(
      historyOf([{ date: '2025-12-15', minutes: 40 }], 'on_demand', settings).map(
        (entry) => entry.billedBefore,
      ),
    ).toEqual([45]);
  });
});
