import type { LocalDate, Period } from '../../../src/domain/types';
import { DEFAULT_RETRY_POLICY } from '../../../src/odoo/retry-policy';
import { startSandbox, type Sandbox } from '../../../src/sandbox';
import { syncPeriod } from '../../../src/sync/sync-period';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { connectTo, SCENARIO_NOW, shippedConfig } from '../sync/connect';
import { writeScenario } from './write-scenario';

const JANUARY = '2026-01' as Period;
const TODAY = '2026-02-03' as LocalDate;
const NO_RETRY = { ...DEFAULT_RETRY_POLICY, maxAttempts: 1 };

async function freshSandbox(): Promise<Sandbox> {
  const sandbox = await startSandbox({ port: 0, seed: writeScenario(), clock: SCENARIO_NOW });
  installTallyFields(sandbox);
  return sandbox;
}

const sync = async (sandbox: Sandbox) =>
  syncPeriod(await connectTo(sandbox, undefined, 'jsonrpc', NO_RETRY), shippedConfig(), {
    period: JANUARY,
    today: TODAY,
  });

describe('crash injection: a run cut short, then run again, ends where an uninterrupted run ends', () => {
  let reference: ReturnType<typeof tallyState>;
  let totalWrites = 0;

  beforeAll(async () => {
    const sandbox = await freshSandbox();
    try {
      totalWrites = (await sync(sandbox)).applied?.calls ?? 0;
      reference = tallyState(sandbox);
    } finally {
      await sandbox.close();
    }
  });

  it('has enough writes to make the test meaningful', () => {
    expect(totalWrites).toBeGreaterThan(10);
  });

  it('recovers after an abort following every possible number of writes', async () => {
    const outcomes: string[] = [];
    for (let writes = 0; writes < totalWrites; writes += 1) {
      const sandbox = await freshSandbox();
      try {
        sandbox.faults.abortAfterWrites(writes);
        await expect(sync(sandbox)).rejects.toThrow();
        sandbox.faults.reset();
        await sync(sandbox);
        const state = tallyState(sandbox);
        outcomes.push(
          JSON.stringify(state) === JSON.stringify(reference) ? 'same' : `differs after ${writes}`,
        );
        const rerun = await sync(sandbox);
        if (rerun.applied?.calls !== 0) outcomes.push(`rerun after ${writes} wrote`);
      } finally {
        await sandbox.close();
      }
    }
    expect(outcomes.filter((outcome) => outcome !== 'same')).toEqual([]);
  });

  it('finds the drafts of an account.move.create whose answer was lost, and makes none twice', async () => {
    const sandbox = await freshSandbox();
    try {
      sandbox.faults.failCall({
        nth: 1,
        kind: 'reset',
        afterCommit: true,
        model: 'account.move',
        method: 'create',
      });
      const result = await sync(sandbox);
      expect(result.applied?.movesCreated).toBeGreaterThan(0);
      expect(tallyState(sandbox)).toEqual(reference);
      expect((await sync(sandbox)).applied?.calls).toBe(0);
    } finally {
      await sandbox.close();
    }
  });

  it.each([
    ['sale.order.line', 'write'],
    ['helpdesk.ticket', 'write'],
    ['mail.activity', 'create'],
    ['account.analytic.line', 'write'],
  ])('recovers when %s.%s commits but its answer is lost', async (model, method) => {
    const sandbox = await freshSandbox();
    try {
      sandbox.faults.failCall({ nth: 1, kind: 'reset', afterCommit: true, model, method });
      await expect(sync(sandbox)).rejects.toThrow();
      await sync(sandbox);
      expect(tallyState(sandbox)).toEqual(reference);
    } finally {
      await sandbox.close();
    }
  });
});
