/**
 * A fresh database as a new admin meets it: `tally setup` creates Tally's fields and views and
 * names only what a person must add, a second run changes nothing; then the demo company loaded
 * over RPC and its story (three months synced, the newest closed) leave the same drafts, lines,
 * pack deliveries, timesheet marks and activities as the same story on the sandbox.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compareWithSandbox } from '../../src/cli/demo-odoo/compare-with-sandbox';
import { databaseUse } from '../../src/cli/demo-odoo/guard-database';
import { loadDemoCompany, profileOfServer } from '../../src/cli/demo-odoo/load-demo-company';
import { runDemoStory } from '../../src/cli/demo-story';
import type { LoadedAgreements } from '../../src/config/load-agreements';
import { OdooClient } from '../../src/odoo/client';
import { runSetup } from '../../src/setup/run-setup';
import type { SetupReport } from '../../src/setup/setup-report';
import { shippedAgreements } from '../support/agreements';
import { describeTargets, ON_REAL_ODOO, type OdooTarget } from './odoo-target';

jest.setTimeout(ON_REAL_ODOO ? 900_000 : 120_000);

/** What only a person can add to a fresh database: products and tags the config names. */
const PERSON_ADDS = /^(product|tag):/;

const failing = (report: SetupReport): string[] =>
  report.checks.filter((check) => check.status === 'fail').map((check) => check.id);

describeTargets('setup and the demo story', (spec) => {
  let target: OdooTarget;
  let client: OdooClient;
  let major: number;
  let helpdesk: boolean;
  const agreements: LoadedAgreements = shippedAgreements();

  beforeAll(async () => {
    target = await spec.open();
    client = new OdooClient({ connection: target.connection });
    major = (await client.connect()).version.major;
    helpdesk =
      (await client.model('ir.module.module').searchCount([
        ['name', 'in', ['helpdesk_mgmt', 'helpdesk']],
        ['state', '=', 'installed'],
      ])) > 0;
  });
  afterAll(async () => {
    await client?.close();
    await target?.close();
  });

  it('runs on a fresh database: no customers and no customer invoices', async () => {
    expect(await databaseUse(client)).toEqual({ customers: 0, invoices: 0 });
  });

  it('setup creates the fields and views, names only what a person adds, then changes nothing', async () => {
    const first = await runSetup(client, { config: agreements.config });
    if (helpdesk) {
      expect(failing(first).filter((id) => !PERSON_ADDS.test(id))).toEqual([]);
      const created = first.changes.map((change) => change.model);
      expect(created).toEqual(expect.arrayContaining(['ir.model.fields', 'ir.ui.view']));
    } else {
      // Real 19 has no helpdesk to install (odoo-verified.md): setup names that and nothing else.
      const withRate = {
        ...agreements.config,
        billing: { ...agreements.config.billing, hourlyRate: 950 },
      };
      const only = await runSetup(client, {
        config: withRate,
        options: { createProducts: true },
      });
      expect(failing(only)).toEqual(['module:helpdesk']);
    }
    const again = await runSetup(client, { config: agreements.config });
    expect(again.changes).toEqual([]);
  });

  it('the demo company story leaves what the same story leaves on the sandbox, row by row', async () => {
    if (!helpdesk) {
      // No tickets without a helpdesk: the demo company cannot be loaded, and Tally says why.
      await expect(profileOfServer(client, major)).rejects.toMatchObject({
        code: 'ODOO_UNKNOWN_MODEL',
      });
      return;
    }
    const profile = await profileOfServer(client, major);
    await loadDemoCompany(client, profile);
    const out = await mkdtemp(path.join(tmpdir(), 'tally-conformance-'));
    const now = new Date();
    try {
      const story = await runDemoStory(client, agreements, { out, now });
      expect(story.lines[0]).toMatch(/; ready\.$/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
    const comparison = await compareWithSandbox(client, agreements, profile, {
      now,
      db: target.connection.db,
    });
    expect(comparison.differences).toEqual([]);
    expect(comparison.rows).toBeGreaterThan(3000);
    const rerun = await runSetup(client, { config: agreements.config });
    expect(failing(rerun)).toEqual([]);
    expect(rerun.changes).toEqual([]);
  });
});
