/**
 * The write scenario through every supported version, helpdesk edition and transport must leave
 * the same drafts, marks, pack balances and activities as Odoo 17 with OCA helpdesk over JSON-RPC.
 */
import type { LocalDate, Period } from '../../../src/domain/types';
import { startSandbox } from '../../../src/sandbox';
import { syncPeriod } from '../../../src/sync/sync-period';
import { installTallyFields } from '../../support/tally-fields';
import { tallyState } from '../../support/tally-state';
import { connectTo, SCENARIO_NOW, shippedConfig } from '../sync/connect';
import { writeScenario } from './write-scenario';

type Options = {
  odooVersion: 16 | 17 | 18 | 19;
  helpdesk: 'oca' | 'enterprise';
  protocol: 'jsonrpc' | 'xmlrpc' | 'json2';
};

/** The state with ticket references (HT00001 on OCA, a number on Enterprise) taken out. */
async function syncScenario(options: Options) {
  const sandbox = await startSandbox({
    port: 0,
    seed: writeScenario(options.helpdesk),
    clock: SCENARIO_NOW,
    odooVersion: options.odooVersion,
    helpdesk: options.helpdesk,
  });
  try {
    installTallyFields(sandbox);
    const client = await connectTo(sandbox, undefined, options.protocol);
    const config = shippedConfig();
    const run = () =>
      syncPeriod(client, config, { period: '2026-01' as Period, today: '2026-02-03' as LocalDate });
    const first = await run();
    const rerun = await run();
    const state = tallyState(sandbox);
    return {
      problems: first.problems,
      rerunCalls: rerun.applied?.calls,
      state: JSON.parse(JSON.stringify(state).replace(/"[^"\s]+ - /g, '"')) as unknown,
    };
  } finally {
    await sandbox.close();
  }
}

describe('the write scenario across versions, editions and transports', () => {
  let reference: Awaited<ReturnType<typeof syncScenario>>;
  beforeAll(async () => {
    reference = await syncScenario({ odooVersion: 17, helpdesk: 'oca', protocol: 'jsonrpc' });
  });

  it.each<Options>([
    { odooVersion: 16, helpdesk: 'oca', protocol: 'jsonrpc' },
    { odooVersion: 17, helpdesk: 'oca', protocol: 'xmlrpc' },
    { odooVersion: 17, helpdesk: 'enterprise', protocol: 'jsonrpc' },
    { odooVersion: 18, helpdesk: 'enterprise', protocol: 'xmlrpc' },
    { odooVersion: 19, helpdesk: 'enterprise', protocol: 'json2' },
    { odooVersion: 19, helpdesk: 'oca', protocol: 'jsonrpc' },
  ])('Odoo $odooVersion, $helpdesk helpdesk, over $protocol', async (options) => {
    const other = await syncScenario(options);
    expect(other.problems).toEqual(reference.problems);
    expect(other.rerunCalls).toBe(0);
    expect(other.state).toEqual(reference.state);
  });
});
