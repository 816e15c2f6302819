import fc from 'fast-check';
import type { Decision, EngineSettings, PlanInput } from '../../src/domain';
import { classifyLines, planInvoice } from '../../src/domain';
import { planInputArbitrary, settingsArbitrary } from './arbitraries';

/**
 * Invariants of the plan. The conservation identity, stated precisely:
 *
 *   covered + drawn + invoiced + review = logged + Σ_t adjustment(t)
 *
 * over the period's lines, where for each of the customer's tickets t
 *   counted(t)    = Σ billable lines of t dated up to the end of the period, each rounded when
 *                   rounding.scope = 'line'
 *   target(t)     = 0 if counted(t) = 0, else max(counted(t) rounded when scope = 'request', minimum)
 *   adjustment(t) = target(t) - billedBefore(t) - (billable minutes of t logged in the period)
 * and `invoiced` includes negative corrections. Here it is recomputed independently of the engine.
 */

function roundTo(value: number, settings: EngineSettings, scope: 'line' | 'request'): number {
  const rounding = settings.billing.rounding;
  if (rounding === null || rounding.scope !== scope || value <= 0) return value;
  const step = rounding.increment;
  return rounding.mode === 'up'
    ? Math.ceil(value / step) * step
    : Math.floor((2 * value + step) / (2 * step)) * step;
}

function expectedAdjustment(input: PlanInput, settings: EngineSettings): number {
  const decisions: Decision[] = classifyLines(
    { ...input, customers: [input.customer] },
    settings,
  ).filter((decision) => decision.date <= '2025-11-30' && decision.coverage === 'billable');
  let adjustment = 0;
  for (const ticket of input.tickets) {
    const mine = decisions.filter((decision) => decision.ticketId === ticket.id);
    const counted = mine.reduce((sum, d) => sum + roundTo(d.minutes, settings, 'line'), 0);
    const target =
      counted === 0
        ? 0
        : Math.max(roundTo(counted, settings, 'request'), settings.billing.minimumPerRequest);
    const before = input.history.find((entry) => entry.ticketId === ticket.id)?.billedBefore ?? 0;
    const inPeriod = mine
      .filter((decision) => decision.date >= '2025-11-01')
      .reduce((sum, decision) => sum + decision.minutes, 0);
    adjustment += target - before - inPeriod;
  }
  return adjustment;
}

function shuffled<T>(values: readonly T[], seed: number): T[] {
  const copy = [...values];
  let state = seed >>> 0;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

describe('invoice plan invariants', () => {
  it('conserves time: covered + drawn + invoiced + review = logged + adjustment', () => {
    fc.assert(
      fc.property(planInputArbitrary, settingsArbitrary, (input, settings) => {
        const { totals } = planInvoice(input, settings);
        expect(totals.covered + totals.billable + totals.review).toBe(totals.logged);
        expect(totals.adjustment).toBe(expectedAdjustment(input, settings));
        expect(totals.covered + totals.drawn + totals.invoiced + totals.review).toBe(
          totals.logged + totals.adjustment,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same plan twice and for any input order', () => {
    fc.assert(
      fc.property(planInputArbitrary, settingsArbitrary, fc.integer(), (input, settings, seed) => {
        const first = planInvoice(input, settings);
        expect(planInvoice(input, settings)).toEqual(first);
        const reordered: PlanInput = {
          ...input,
          tickets: shuffled(input.tickets, seed),
          lines: shuffled(input.lines, seed + 1),
          agreements: shuffled(input.agreements, seed + 2),
          packs: shuffled(input.packs, seed + 3),
          history: shuffled(input.history, seed + 4),
        };
        expect(planInvoice(reordered, settings)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('never takes a pack below zero and shows every drawn minute', () => {
    fc.assert(
      fc.property(planInputArbitrary, settingsArbitrary, (input, settings) => {
        const plan = planInvoice(input, settings);
        for (const balance of plan.packBalances) {
          expect(balance.closing).toBeGreaterThanOrEqual(0);
          expect(balance.drawn).toBeGreaterThanOrEqual(0);
          expect(balance.opening - balance.drawn).toBe(balance.closing);
        }
        const lines = plan.sections.flatMap((section) => section.lines);
        const drawnOnLines = lines
          .filter((line) => line.kind === 'drawdown')
          .reduce((sum, line) => sum + (line.minutes ?? 0), 0);
        expect(drawnOnLines).toBe(plan.totals.drawn);
        expect(plan.packBalances.reduce((sum, balance) => sum + balance.drawn, 0)).toBe(
          plan.totals.drawn,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps keys unique, covered lines free and the amount equal to the lines', () => {
    fc.assert(
      fc.property(planInputArbitrary, settingsArbitrary, (input, settings) => {
        const plan = planInvoice(input, settings);
        const lines = [...plan.sections.flatMap((section) => section.lines), ...plan.feeLines];
        const keys = [...plan.sections.map((section) => section.key), ...lines.map((l) => l.key)];
        expect(new Set(keys).size).toBe(keys.length);
        for (const line of lines.filter((l) => l.kind === 'covered' || l.kind === 'drawdown')) {
          expect(line.amount).toBe(0);
        }
        expect(lines.reduce((sum, line) => sum + line.amount, 0)).toBe(plan.totals.amount);
        const review = new Set(plan.reviewItems.map((item) => item.lineId));
        for (const line of lines) {
          for (const id of line.timesheetIds) expect(review.has(id)).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
