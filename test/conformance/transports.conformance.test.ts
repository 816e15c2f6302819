/**
 * The transports' contract, as facts any Odoo 16-19 must show over every transport it serves:
 * version, record shapes, error codes and `has_group`. The same file runs on the sandbox profiles
 * (`npm test`) and on a real server (`npm run test:odoo`): where they disagree, the sandbox is
 * wrong (odoo-verified.md is the reference).
 */
import { OdooClient } from '../../src/odoo/client';
import type { OdooConnectionOptions } from '../../src/odoo/connection';
import { MODELS } from '../../src/odoo/models';
import { detectFieldProfile, fieldNamesVia } from '../../src/odoo/profiles/detect-profile';
import type { TransportKind } from '../../src/odoo/transports/transport';
import { userHasGroup } from '../../src/setup/has-group';
import { describeTargets, ON_REAL_ODOO, type OdooTarget } from './odoo-target';
import { codeOf } from '../support/odoo-error-code';

jest.setTimeout(ON_REAL_ODOO ? 300_000 : 60_000);

const NO_RETRY = { sleep: async () => undefined, random: () => 0 };

/** Every transport the server serves with the secret the target has (JSON-2 needs a key, 19+). */
function transportsOf(target: OdooTarget, major: number): TransportKind[] {
  const kinds: TransportKind[] = ['jsonrpc', 'xmlrpc'];
  if (major >= 19 && target.connection.apiKey !== undefined) kinds.push('json2');
  return kinds;
}

function clientOver(connection: OdooConnectionOptions, protocol: TransportKind): OdooClient {
  return new OdooClient({ connection: { ...connection, protocol }, retryEffects: NO_RETRY });
}

describeTargets('transport conformance', (spec) => {
  let target: OdooTarget;
  let major: number;
  const clients = new Map<TransportKind, OdooClient>();

  beforeAll(async () => {
    target = await spec.open();
    const probe = new OdooClient({ connection: target.connection, retryEffects: NO_RETRY });
    major = (await probe.connect()).version.major;
    await probe.close();
    for (const kind of transportsOf(target, major)) {
      const client = clientOver(target.connection, kind);
      await client.connect();
      clients.set(kind, client);
    }
  });
  afterAll(async () => {
    for (const client of clients.values()) await client.close();
    await target?.close();
  });

  const each = async (check: (client: OdooClient, kind: TransportKind) => Promise<void>) => {
    for (const [kind, client] of clients) await check(client, kind);
  };

  it('connects over each transport the version serves and reports the same version', async () => {
    expect(major).toBeGreaterThanOrEqual(16);
    expect(major).toBeLessThanOrEqual(19);
    await each(async (client, kind) => {
      expect(client.transportKind).toBe(kind);
      expect(client.version.major).toBe(major);
    });
  });

  it('creates a batch in one call, reads back false and [id, name], and unlinks', async () => {
    await each(async (client, kind) => {
      const tags = client.model(MODELS.partnerTag);
      const [parent, child] = await tags.create([
        { name: `tally conformance ${kind} parent` },
        { name: `tally conformance ${kind} child` },
      ]);
      expect([parent, child].every((id) => typeof id === 'number')).toBe(true);
      await tags.write([child as number], { parent_id: parent });
      const rows = await tags.read([parent as number, child as number], ['name', 'parent_id']);
      const byId = new Map(rows.map((row) => [row.id, row]));
      expect(byId.get(parent as number)?.parent_id).toBe(false);
      expect(byId.get(child as number)?.parent_id).toEqual([parent, expect.any(String)]);
      await tags.call('unlink', [[child, parent]]);
      expect(await tags.read([parent as number], ['name'])).toEqual([]);
    });
  });

  it('reads a missing id as nothing and maps a write to it to ODOO_MISSING_RECORD', async () => {
    await each(async (client) => {
      const partners = client.model(MODELS.partner);
      expect(await partners.read([999_999_999], ['name'])).toEqual([]);
      expect(await codeOf(partners.write([999_999_999], { name: 'x' }))).toBe(
        'ODOO_MISSING_RECORD',
      );
    });
  });

  it('maps unknown models, methods and filter fields, and private methods, to their codes', async () => {
    await each(async (client) => {
      expect(await codeOf(client.model('no.such.model').searchRead([]))).toBe('ODOO_UNKNOWN_MODEL');
      expect(await codeOf(client.model(MODELS.partner).call('no_such_method', [[1]]))).toBe(
        'ODOO_UNKNOWN_METHOD',
      );
      expect(
        await codeOf(client.model(MODELS.partner).searchRead([['no_such_field', '=', 1]])),
      ).toBe('ODOO_BAD_REQUEST');
      expect(await codeOf(client.model(MODELS.partner).call('_compute_display_name', [[1]]))).toBe(
        'ODOO_ACCESS_DENIED',
      );
      // 18 looks the name up first (odoo-verified.md): a missing private method is unknown there.
      expect(await codeOf(client.model(MODELS.partner).call('_no_such_helper', [[1]]))).toBe(
        major === 18 ? 'ODOO_UNKNOWN_METHOD' : 'ODOO_ACCESS_DENIED',
      );
    });
  });

  it('answers has_group in the form this version takes, for the connected user', async () => {
    await each(async (client) => {
      const uid = (await client.connect()).uid;
      expect(await userHasGroup(client, major, uid, 'base.group_user')).toBe(true);
    });
  });

  it('refuses a wrong secret with ODOO_AUTH_FAILED over each transport', async () => {
    for (const kind of clients.keys()) {
      const secret = target.connection.apiKey !== undefined ? 'apiKey' : 'password';
      const wrong = clientOver({ ...target.connection, [secret]: 'not-the-secret-1234' }, kind);
      expect(await codeOf(wrong.connect())).toBe('ODOO_AUTH_FAILED');
      await wrong.close();
    }
  });

  it('detects the helpdesk edition from fields_get, or says plainly that none is installed', async () => {
    const client = clients.get('jsonrpc') as OdooClient;
    const installed = await client.model('ir.module.module').searchCount([
      ['name', 'in', ['helpdesk_mgmt', 'helpdesk']],
      ['state', '=', 'installed'],
    ]);
    if (installed === 0) {
      expect(await codeOf(detectFieldProfile(fieldNamesVia(client)))).toBe('ODOO_UNKNOWN_MODEL');
      return;
    }
    const profile = await detectFieldProfile(fieldNamesVia(client));
    expect(['oca', 'enterprise']).toContain(profile.edition);
    expect(profile.saleLineUomField).toBe(major >= 19 ? 'product_uom_id' : 'product_uom');
    expect(profile.projectAnalyticField).toBe(major >= 18 ? 'account_id' : 'analytic_account_id');
  });
});
