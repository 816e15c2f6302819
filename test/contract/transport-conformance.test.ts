/**
 * One conformance suite, run for each transport against the sandbox over real HTTP (BullMQ's
 * adapter-conformance idea, style.md rule 10): every transport must give the facade the same shapes.
 */
import { OdooClient } from '../../src/odoo/client';
import type { OdooConnectionOptions } from '../../src/odoo/connection';
import { detectFieldProfile, fieldNamesVia } from '../../src/odoo/profiles/detect-profile';
import { MODELS } from '../../src/odoo/models';
import {
  AnalyticLineSchema,
  analyticLineFields,
  analyticLineRenames,
} from '../../src/odoo/records/analytic-line';
import {
  HelpdeskTicketSchema,
  helpdeskTicketFields,
  helpdeskTicketRenames,
} from '../../src/odoo/records/helpdesk-ticket';
import { parseRecords } from '../../src/odoo/records/parse-records';
import { RoundTripCounter } from '../../src/odoo/round-trips';
import type { TransportKind } from '../../src/odoo/transports/transport';
import { startSandbox, type Sandbox } from '../../src/sandbox/server';
import { codeOf } from '../support/odoo-error-code';

interface TransportCase {
  readonly kind: TransportKind;
  readonly odooVersion: 17 | 19;
  readonly helpdesk: 'oca' | 'enterprise';
}

const CASES: readonly TransportCase[] = [
  { kind: 'jsonrpc', odooVersion: 17, helpdesk: 'oca' },
  { kind: 'xmlrpc', odooVersion: 17, helpdesk: 'oca' },
  { kind: 'json2', odooVersion: 19, helpdesk: 'enterprise' },
];

function connectionFor(
  sandbox: Sandbox,
  kind: TransportKind | 'auto',
  secret: 'password' | 'apiKey',
): OdooConnectionOptions {
  return {
    url: sandbox.url,
    db: sandbox.db,
    login: sandbox.login,
    protocol: kind,
    ...(secret === 'apiKey' ? { apiKey: sandbox.apiKey } : { password: sandbox.password }),
  };
}

describe.each(CASES)(
  'transport conformance: $kind (Odoo $odooVersion, $helpdesk helpdesk)',
  ({ kind, odooVersion, helpdesk }) => {
    let sandbox: Sandbox;
    let client: OdooClient;
    const trips = new RoundTripCounter();

    beforeAll(async () => {
      sandbox = await startSandbox({ port: 0, odooVersion, helpdesk, seed: 'demo' });
      client = new OdooClient({
        connection: connectionFor(sandbox, kind, kind === 'json2' ? 'apiKey' : 'password'),
        roundTrips: trips,
        retryEffects: { sleep: async () => undefined, random: () => 0 },
      });
      await client.connect();
    });
    afterEach(() => {
      sandbox?.faults.reset();
      trips.reset();
    });
    afterAll(async () => {
      await client?.close();
      await sandbox?.close();
    });

    it('connects with this transport and reports the version', () => {
      expect(client.transportKind).toBe(kind);
      expect(client.version.major).toBe(odooVersion);
      expect(client.uid).toBeGreaterThan(0);
    });

    it('creates a batch in one call and reads it back with the same shapes', async () => {
      const partners = client.model('res.partner');
      const ids = await partners.create([
        { name: 'Conformance A', is_company: true },
        { name: 'Conformance B', is_company: true },
      ]);
      expect(trips.count('res.partner', 'create')).toBe(1);
      expect(ids).toHaveLength(2);
      const rows = await partners.read(ids, ['name', 'is_company', 'parent_id', 'email']);
      expect(rows).toEqual([
        { id: ids[0], name: 'Conformance A', is_company: true, parent_id: false, email: false },
        { id: ids[1], name: 'Conformance B', is_company: true, parent_id: false, email: false },
      ]);
    });

    it('answers many2one as [id, name] and searches, counts and orders', async () => {
      const partners = client.model('res.partner');
      const [company] = await partners.create([{ name: 'Conformance Parent', is_company: true }]);
      const [contact] = await partners.create([{ name: 'Conformance Child', parent_id: company }]);
      const rows = await partners.searchRead([['id', '=', contact!]], {
        fields: ['parent_id', 'commercial_partner_id'],
      });
      expect(rows).toEqual([
        {
          id: contact,
          parent_id: [company, expect.any(String)],
          commercial_partner_id: [company, expect.any(String)],
        },
      ]);
      expect(await partners.searchCount([['id', 'in', [company!, contact!]]])).toBe(2);
      expect(
        await partners.search([['id', 'in', [company!, contact!]]], { order: 'id desc' }),
      ).toEqual([contact, company]);
    });

    it('pages with searchReadAll by id, one round trip per page', async () => {
      const partners = client.model('res.partner');
      const ids = await partners.create(
        Array.from({ length: 5 }, (_, index) => ({ name: `Paged ${kind} ${index}` })),
      );
      trips.reset();
      const seen: number[] = [];
      for await (const page of partners.searchReadAll([['name', '=like', `Paged ${kind} %`]], {
        fields: ['name'],
        pageSize: 2,
      })) {
        seen.push(...page.map((row) => row.id));
      }
      expect(seen).toEqual([...ids].sort((a, b) => a - b));
      expect(trips.count('res.partner', 'search_read')).toBe(3);
    });

    it('writes, and maps a write to a missing record to ODOO_MISSING_RECORD', async () => {
      const partners = client.model('res.partner');
      const [id] = await partners.create([{ name: 'Before' }]);
      await partners.write([id!], { name: 'After' });
      expect(await partners.read([id!], ['name'])).toEqual([{ id, name: 'After' }]);
      expect(await partners.read([999_999_999], ['name'])).toEqual([]);
      expect(await codeOf(partners.write([999_999_999], { name: 'x' }))).toBe(
        'ODOO_MISSING_RECORD',
      );
    });

    it('maps unknown models, unknown methods and bad filter fields', async () => {
      expect(await codeOf(client.model('no.such.model').searchRead([]))).toBe('ODOO_UNKNOWN_MODEL');
      expect(await codeOf(client.model('res.partner').call('no_such_method', [[1]]))).toBe(
        'ODOO_UNKNOWN_METHOD',
      );
      expect(
        await codeOf(client.model('res.partner').searchRead([['no_such_field', '=', 1]])),
      ).toBe('ODOO_BAD_REQUEST');
    });

    it('retries a read through a scripted 502 and does not retry a plain write', async () => {
      const partners = client.model('res.partner');
      sandbox.faults.failCall({
        nth: 1,
        kind: 'http-502',
        model: 'res.partner',
        method: 'search_count',
      });
      await expect(partners.searchCount([])).resolves.toBeGreaterThan(0);
      expect(trips.count('res.partner', 'search_count')).toBe(2);
      sandbox.faults.failCall({
        nth: 1,
        kind: 'serialization',
        model: 'res.partner',
        method: 'write',
      });
      expect(await codeOf(partners.write([1], { name: 'x' }))).toBe('ODOO_CONCURRENT_UPDATE');
      expect(trips.count('res.partner', 'write')).toBe(1);
    });

    it('detects the field profile of the helpdesk edition from fields_get', async () => {
      const profile = await detectFieldProfile(fieldNamesVia(client));
      expect(profile.edition).toBe(helpdesk);
      expect(profile.saleLineUomField).toBe(odooVersion >= 19 ? 'product_uom_id' : 'product_uom');
    });

    it('reads tickets and timesheets that parse into records without problems', async () => {
      const profile = await detectFieldProfile(fieldNamesVia(client));
      const tickets = await client
        .model(MODELS.helpdeskTicket)
        .searchRead([], { fields: helpdeskTicketFields(profile), limit: 50 });
      const parsedTickets = parseRecords(
        MODELS.helpdeskTicket,
        HelpdeskTicketSchema,
        tickets,
        helpdeskTicketRenames(profile),
      );
      expect(parsedTickets.problems).toEqual([]);
      expect(parsedTickets.records.length).toBeGreaterThan(0);
      expect(parsedTickets.records.every((ticket) => ticket.reference !== null)).toBe(true);

      const lines = await client
        .model(MODELS.analyticLine)
        .searchRead([['project_id', '!=', false]], {
          fields: analyticLineFields(profile),
          limit: 50,
        });
      const parsedLines = parseRecords(
        MODELS.analyticLine,
        AnalyticLineSchema,
        lines,
        analyticLineRenames(profile),
      );
      expect(parsedLines.problems).toEqual([]);
      expect(parsedLines.records.some((line) => line.ticket_id !== null)).toBe(true);
    });

    it('refuses a wrong secret with ODOO_AUTH_FAILED and no retry', async () => {
      const wrong = new OdooClient({
        connection: {
          ...connectionFor(sandbox, kind, kind === 'json2' ? 'apiKey' : 'password'),
          password: kind === 'json2' ? undefined : 'wrong-password',
          apiKey: kind === 'json2' ? 'wrong-api-key' : undefined,
        },
        roundTrips: trips,
      });
      expect(await codeOf(wrong.connect())).toBe('ODOO_AUTH_FAILED');
      expect(trips.count('res.users', 'authenticate')).toBe(1);
    });
  },
);

describe('protocol detection against the sandbox', () => {
  it.each([
    [17, 'apiKey', 'jsonrpc'],
    [19, 'apiKey', 'json2'],
    [19, 'password', 'jsonrpc'],
  ] as const)('Odoo %i with a %s → %s', async (odooVersion, secret, expected) => {
    const sandbox = await startSandbox({ port: 0, odooVersion, helpdesk: 'oca' });
    try {
      const client = new OdooClient({ connection: connectionFor(sandbox, 'auto', secret) });
      expect((await client.connect()).transportKind).toBe(expected);
    } finally {
      await sandbox.close();
    }
  });
});
