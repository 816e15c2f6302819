import fc from 'fast-check';

/** One thing that happens in a partner's month, as the billing-sequences property plays it. */
export type Step =
  | {
      kind: 'log';
      ticket: 0 | 1;
      /** 0 = October; clamped to the current month. */
      month: number;
      day: number;
      hours: number;
      /** A `[Category]` prefix on the description, or none. */
      prefix: string | null;
    }
  | { kind: 'edit'; line: number; hours: number }
  | { kind: 'move'; line: number; ticket: 0 | 1 }
  | { kind: 'sync-period'; month: number }
  | { kind: 'incremental' }
  | { kind: 'lose-redis' }
  | { kind: 'post'; month: number }
  | { kind: 'next-month' };

/** Quarter hours from 0 to 3 h: exact in Odoo's two decimals. */
const hours = fc.integer({ min: 0, max: 12 }).map((quarters) => quarters / 4);
const month = fc.integer({ min: 0, max: 2 });
const ticket = fc.constantFrom<0 | 1>(0, 1);
const line = fc.nat({ max: 30 });

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('log' as const),
      ticket,
      month,
      day: fc.integer({ min: 1, max: 14 }),
      hours,
      prefix: fc.constantFrom(null, null, 'Training', 'Bug fix'),
    }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), line, hours }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('move' as const), line, ticket }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('sync-period' as const), month }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'incremental' as const }), weight: 3 },
  { arbitrary: fc.constant({ kind: 'lose-redis' as const }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('post' as const), month }), weight: 2 },
  { arbitrary: fc.constant({ kind: 'next-month' as const }), weight: 2 },
);

/** A sequence of steps, short enough that hundreds run within the suite. */
export function sequenceSteps(): fc.Arbitrary<Step[]> {
  return fc.array(step, { minLength: 1, maxLength: 12 });
}
