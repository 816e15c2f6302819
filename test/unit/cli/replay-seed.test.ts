import { batchSteps } from '../../../src/cli/demo-odoo/replay-seed';
import { SeedStepSchema, type SeedStep } from '../../../src/sandbox/seed';
import { ref } from '../../../src/sandbox/seed-steps';

const parse = (steps: SeedStep[]) => steps.map((step) => SeedStepSchema.parse(step));
const shape = (batches: ReturnType<typeof batchSteps>) =>
  batches.map((batch) => batch.map((step) => ('ref' in step && step.ref) || step.model));

describe('batchSteps: which seed steps share one RPC call', () => {
  it('puts consecutive creates on one model in one call', () => {
    const steps = parse([
      { model: 'res.partner', ref: 'a', values: { name: 'A' } },
      { model: 'res.partner', ref: 'b', values: { name: 'B' } },
      { model: 'res.partner.category', ref: 't', values: { name: 'T' } },
    ]);
    expect(shape(batchSteps(steps))).toEqual([['a', 'b'], ['t']]);
  });

  it('starts a new call when a create names a record made earlier in the same run', () => {
    const steps = parse([
      { model: 'res.partner', ref: 'acme', values: { name: 'Acme', is_company: true } },
      { model: 'res.partner', ref: 'jane', values: { name: 'Jane', parent_id: ref('acme') } },
      { model: 'res.partner', ref: 'joe', values: { name: 'Joe', parent_id: ref('acme') } },
    ]);
    expect(shape(batchSteps(steps))).toEqual([['acme'], ['jane', 'joe']]);
  });

  it('gives writes and method calls a call of their own, in order', () => {
    const steps = parse([
      { model: 'sale.order', ref: 'o1', values: { partner_id: ref('acme') } },
      { model: 'sale.order', call: 'action_confirm', on: ['o1'] },
      { model: 'sale.order', write: 'o1', values: { date_order: '2026-01-02 09:00:00' } },
      { model: 'sale.order', ref: 'o2', values: { partner_id: ref('acme') } },
    ]);
    expect(shape(batchSteps(steps))).toEqual([['o1'], ['sale.order'], ['sale.order'], ['o2']]);
  });

  it('caps a call at the batch size', () => {
    const steps = parse(
      Array.from({ length: 5 }, (_, i) => ({ model: 'res.partner', values: { name: `P${i}` } })),
    );
    expect(batchSteps(steps, 2).map((batch) => batch.length)).toEqual([2, 2, 1]);
  });
});
