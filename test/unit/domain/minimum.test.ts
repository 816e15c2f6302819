import type { PlanInput } from '../../../src/domain';
import { minutes, period, planInvoice, ticketId } from '../../../src/domain';
import {
  aLine,
  aPlanInput,
  aTicket,
  agreementsFor,
  defaultSettings,
  settingsWith,
} from './builders';

/** Billed minutes of ticket 7 in a plan (drawn + invoiced, corrections included). */
function billed(input: PlanInput, settings = defaultSettings): number {
  const plan = planInvoice(input, settings);
  return plan.totals.drawn + plan.totals.invoiced;
}

const billable = { tickets: [aTicket({ categoryName: 'Bug fix' })] };
const history = (value: number) => [{ ticketId: ticketId(7), billedBefore: minutes(value) }];

describe('the 30-minute minimum per request, across periods', () => {
  it('15 min in November and 15 min in December bill 30 in November and nothing in December', () => {
    const november = aLine({ id: 1, date: '2025-11-20', minutes: 15 });
    const december = aLine({ id: 2, date: '2025-12-03', minutes: 15 });
    expect(billed(aPlanInput({ ...billable, lines: [november] }))).toBe(30);
    expect(
      billed(
        aPlanInput({
          ...billable,
          period: period('2025-12'),
          lines: [november, december],
          history: history(30),
        }),
      ),
    ).toBe(0);
  });

  it.each([
    ['one short line', [[1, '2025-11-03', 10]], 0, 30],
    [
      'two short lines add up before the minimum',
      [
        [1, '2025-11-03', 10],
        [2, '2025-11-04', 10],
      ],
      0,
      30,
    ],
    ['above the minimum bills the time', [[1, '2025-11-03', 45]], 0, 45],
    ['exactly the minimum', [[1, '2025-11-03', 30]], 0, 30],
    [
      'earlier 15 billed as 30, now 20 more: 5',
      [
        [1, '2025-10-03', 15],
        [2, '2025-11-03', 20],
      ],
      30,
      5,
    ],
    [
      'earlier 40 billed, now 10 more: 10',
      [
        [1, '2025-10-03', 40],
        [2, '2025-11-03', 10],
      ],
      40,
      10,
    ],
    [
      'earlier never billed: catches up',
      [
        [1, '2025-10-03', 20],
        [2, '2025-11-03', 20],
      ],
      0,
      40,
    ],
    [
      'later lines are ignored',
      [
        [1, '2025-11-03', 40],
        [2, '2025-12-01', 60],
      ],
      0,
      40,
    ],
  ] as const)('%s', (_name, rows, billedBefore, expected) => {
    const lines = rows.map(([id, date, time]) => aLine({ id, date, minutes: time }));
    expect(billed(aPlanInput({ ...billable, lines, history: history(billedBefore) }))).toBe(
      expected,
    );
  });

  it('never counts covered time towards the minimum', () => {
    const input = aPlanInput({
      tickets: [aTicket({ categoryName: 'Bug fix' })],
      agreements: agreementsFor('maintenance'),
      lines: [
        aLine({ id: 1, minutes: 20 }),
        aLine({ id: 2, minutes: 10, description: '[Training]' }),
      ],
    });
    const plan = planInvoice(input, defaultSettings);
    expect(plan.totals.covered).toBe(20);
    expect(plan.totals.invoiced).toBe(30);
  });

  it('applies per ticket: two short tickets bill the minimum each', () => {
    const input = aPlanInput({
      tickets: [
        aTicket({ id: ticketId(7), categoryName: 'Bug fix' }),
        aTicket({ id: ticketId(8), number: 'HT00008', categoryName: 'Bug fix' }),
      ],
      lines: [
        aLine({ id: 1, ticketId: 7, minutes: 10 }),
        aLine({ id: 2, ticketId: 8, minutes: 10 }),
      ],
    });
    expect(billed(input)).toBe(60);
  });

  it('turns time reduced after billing into a negative correction line', () => {
    const input = aPlanInput({
      ...billable,
      lines: [aLine({ id: 1, date: '2025-10-03', minutes: 60 })],
      history: history(90),
    });
    const plan = planInvoice(input, defaultSettings);
    const correction = plan.sections[0]?.lines.find((line) => line.kind === 'correction');
    expect(correction).toMatchObject({ minutes: -30, amount: -50000 });
  });

  it('does nothing when the minimum is switched off', () => {
    const settings = settingsWith({ billing: { minimumPerRequest: minutes(0) } });
    expect(billed(aPlanInput({ ...billable, lines: [aLine({ minutes: 10 })] }), settings)).toBe(10);
  });
});

describe('rounding', () => {
  const lines = [aLine({ id: 1, minutes: 35 }), aLine({ id: 2, minutes: 35 })];
  it.each([
    ['per line, up to 15', { increment: 15, scope: 'line', mode: 'up' }, 90],
    ['per request, up to 15', { increment: 15, scope: 'request', mode: 'up' }, 75],
    ['per request, nearest 30', { increment: 30, scope: 'request', mode: 'nearest' }, 60],
    ['per line, nearest 30', { increment: 30, scope: 'line', mode: 'nearest' }, 60],
  ] as const)('%s', (_name, rounding, expected) => {
    const settings = settingsWith({
      billing: { rounding: { ...rounding, increment: minutes(rounding.increment) } },
    });
    expect(billed(aPlanInput({ ...billable, lines }), settings)).toBe(expected);
  });

  it('applies the minimum after rounding', () => {
    const settings = settingsWith({
      billing: { rounding: { increment: minutes(15), scope: 'line', mode: 'up' } },
    });
    expect(billed(aPlanInput({ ...billable, lines: [aLine({ minutes: 5 })] }), settings)).toBe(30);
  });
});

describe('time logged in an earlier period after it was invoiced', () => {
  const lines = (late: number) => [
    aLine({ id: 1, date: '2025-11-03', minutes: 60 }),
    ...(late > 0 ? [aLine({ id: 2, date: '2025-11-28', minutes: late })] : []),
  ];
  const december = (late: number, billedBefore: number) =>
    planInvoice(
      aPlanInput({
        ...billable,
        period: period('2025-12'),
        lines: lines(late),
        history: history(billedBefore),
      }),
      defaultSettings,
    );

  it.each([
    ['45 min added to November after 60 were billed', 45, 60, 45],
    ['10 min added after 60 were billed', 10, 60, 10],
    ['nothing added', 0, 60, 0],
  ])('%s: a correction of %i min', (_name, late, billedBefore, expected) => {
    const plan = december(late, billedBefore);
    const corrections = plan.sections.flatMap((section) =>
      section.lines.filter((line) => line.kind === 'correction'),
    );
    expect(corrections.reduce((sum, line) => sum + (line.minutes ?? 0), 0)).toBe(expected);
    expect(plan.sections.flatMap((s) => s.lines).filter((l) => l.kind === 'billed')).toEqual([]);
    for (const line of corrections)
      expect(line.label).toBe(
        'Correction: Bug fix, time logged in earlier periods after they were invoiced',
      );
  });

  it('time removed after invoicing is a negative correction with its own label', () => {
    const plan = december(0, 90);
    const [correction] = plan.sections.flatMap((section) => section.lines);
    expect(correction).toMatchObject({ kind: 'correction', minutes: -30 });
    expect(correction?.label).toBe(
      'Correction: Bug fix, time billed in earlier periods was reduced',
    );
  });
});
